package dev.switchboard.binder;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

/**
 * Runs bookkeeping when a request's reply arrives, before the caller sees it. A callback
 * added with {@link CompletableFuture#whenComplete} on the future a caller waits for may
 * run after the caller woke (the caller's own wait is a dependent too, and dependents run
 * in no promised order), so a caller that reads a timer or a counter right after
 * {@code request(...)} returned could miss its own request. Interceptors and the template
 * hand on the future this class returns instead, which completes only after the callback
 * ran, and whose cancellation reaches the original so that the binder forgets the request.
 */
public final class ReplyFutures {

	private ReplyFutures() {
	}

	/**
	 * A future that completes like {@code reply} once {@code action} has run.
	 * @param <T> the reply type
	 * @param reply the future the binder completes
	 * @param action what to do with the outcome first; an exception it throws is not the
	 * caller's concern and is not passed on
	 * @return the future to hand to the caller
	 */
	public static <T> CompletableFuture<T> afterCompletion(CompletableFuture<T> reply,
			BiConsumer<? super @Nullable T, ? super @Nullable Throwable> action) {
		CompletableFuture<T> after = new CompletableFuture<>();
		reply.whenComplete((value, failure) -> {
			try {
				action.accept(value, failure);
			}
			finally {
				if (failure != null) {
					after.completeExceptionally(failure);
				}
				else {
					after.complete(value);
				}
			}
		});
		after.whenComplete((value, failure) -> {
			if (failure instanceof CancellationException) {
				reply.cancel(false);
			}
		});
		return after;
	}

}
