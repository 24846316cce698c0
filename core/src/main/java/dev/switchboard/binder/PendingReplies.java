package dev.switchboard.binder;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.switchboard.BindingException;
import dev.switchboard.RequestTimeoutException;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.WireMessage;

import org.jspecify.annotations.Nullable;

/**
 * The requests a {@link RequestBinding} has sent and not yet seen answered, by correlation
 * id. Every binder needs the same bookkeeping — expire a request with a
 * {@link RequestTimeoutException} when its timeout passes, hand a reply to the request it
 * answers, count a reply nobody waits for any more as dropped, fail what is left when the
 * binding closes — so it is written once, here. Thread-safe.
 */
public final class PendingReplies {

	private final ChannelSpec channel;

	private final ScheduledExecutorService timer;

	private final ConcurrentMap<String, CompletableFuture<WireMessage>> pending = new ConcurrentHashMap<>();

	/**
	 * Create the bookkeeping of one request binding.
	 * @param channel the channel, for messages and the dropped count
	 * @param timer the timer that expires requests
	 */
	public PendingReplies(ChannelSpec channel, ScheduledExecutorService timer) {
		this.channel = channel;
		this.timer = timer;
	}

	/**
	 * Wait for the reply to a request about to be sent.
	 * @param correlationId the id the reply will carry
	 * @param timeout how long to wait
	 * @return the future {@link RequestBinding#request} returns: completed by
	 * {@link #take(String)}'s caller, or exceptionally with a {@link RequestTimeoutException}
	 * (or, when the timer has been shut down with the binder, a {@link BindingException})
	 */
	public CompletableFuture<WireMessage> register(String correlationId, Duration timeout) {
		CompletableFuture<WireMessage> reply = new CompletableFuture<>();
		this.pending.put(correlationId, reply);
		reply.whenComplete((message, ex) -> this.pending.remove(correlationId, reply));
		try {
			ScheduledFuture<?> expiry = this.timer.schedule(
					() -> reply.completeExceptionally(new RequestTimeoutException(this.channel.name(), timeout)),
					timeout.toNanos(), TimeUnit.NANOSECONDS);
			reply.whenComplete((message, ex) -> expiry.cancel(false));
		}
		catch (RejectedExecutionException ex) {
			reply.completeExceptionally(new BindingException(
					"Channel '" + this.channel.name() + "': the binder is closed, so the request was not sent", ex));
		}
		return reply;
	}

	/**
	 * Take the request a reply answers. A reply nobody waits for — it came after its
	 * request timed out, or carries an id never asked for — is counted as dropped.
	 * @param correlationId the reply's correlation id
	 * @return the waiting request, or {@code null} when there is none
	 */
	public @Nullable CompletableFuture<WireMessage> take(@Nullable String correlationId) {
		CompletableFuture<WireMessage> reply = (correlationId != null) ? this.pending.remove(correlationId) : null;
		if (reply == null) {
			this.channel.statistics().dropped();
		}
		return reply;
	}

	/**
	 * Fail one request, for example because it could not be sent.
	 * @param correlationId the request's correlation id
	 * @param failure why
	 */
	public void fail(String correlationId, Throwable failure) {
		CompletableFuture<WireMessage> reply = this.pending.remove(correlationId);
		if (reply != null) {
			reply.completeExceptionally(failure);
		}
	}

	/**
	 * Fail every request still waiting, when the binding closes.
	 * @param failure why
	 */
	public void failAll(Throwable failure) {
		this.pending.keySet().forEach((correlationId) -> fail(correlationId, failure));
	}

}
