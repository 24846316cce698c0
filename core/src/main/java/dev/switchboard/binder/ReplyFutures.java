package dev.switchboard.binder;

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
 * ran. However the future a caller holds ends — cancelled, completed by the caller, timed
 * out with {@code orTimeout} — the binder's future is cancelled with it if still pending,
 * so that the binder forgets the request at once rather than at its timeout.
 */
public final class ReplyFutures {

	private ReplyFutures() {
	}

	/**
	 * A future that completes like {@code reply} once {@code action} has run. Not the
	 * future {@code reply.whenComplete(action)} returns, which would hand callers a failure
	 * wrapped in a {@code CompletionException} and fail them when the bookkeeping throws.
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
		return releasing(after, reply);
	}

	/**
	 * A future derived from a binder's that releases the binder's when it ends first.
	 * @param <T> the derived future's type
	 * @param derived the future a caller will hold, made from {@code reply}
	 * @param reply the future the binder completes
	 * @return {@code derived}, which once complete in any way cancels {@code reply} if
	 * {@code reply} is still pending (a no-op once the binder completed it)
	 */
	public static <T> CompletableFuture<T> releasing(CompletableFuture<T> derived, CompletableFuture<?> reply) {
		derived.whenComplete((value, failure) -> reply.cancel(false));
		return derived;
	}

}
