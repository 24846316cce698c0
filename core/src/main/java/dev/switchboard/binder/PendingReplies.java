package dev.switchboard.binder;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;

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
 * binding closes — so it is written once, here. Thread-safe, without a lock: a concurrent
 * map by correlation id, and {@link RequestDeadlines} for the timeouts, which expire a
 * request no earlier than its timeout and at most 10 ms later (plus the timer thread's own
 * delay), without waking the timer for every request.
 */
public final class PendingReplies {

	private final ChannelSpec channel;

	private final ScheduledExecutorService timer;

	private final ConcurrentMap<String, PendingReply> pending = new ConcurrentHashMap<>();

	private final RequestDeadlines deadlines;

	/**
	 * Create the bookkeeping of one request binding.
	 * @param channel the channel, for messages and the dropped count
	 * @param timer the timer that expires requests
	 */
	public PendingReplies(ChannelSpec channel, ScheduledExecutorService timer) {
		this(channel, timer, System::nanoTime);
	}

	PendingReplies(ChannelSpec channel, ScheduledExecutorService timer, LongSupplier nanoClock) {
		this.channel = channel;
		this.timer = timer;
		this.deadlines = new RequestDeadlines(timer, nanoClock, this::expire);
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
		if (this.timer.isShutdown()) {
			reply.completeExceptionally(closed(null));
			return reply;
		}
		PendingReply request = new PendingReply(correlationId, this.deadlines.deadline(timeout), timeout, reply);
		this.pending.put(correlationId, request);
		try {
			this.deadlines.add(request);
		}
		catch (RejectedExecutionException ex) {
			reply.completeExceptionally(closed(ex));
		}
		reply.whenComplete((message, ex) -> forget(request));
		return reply;
	}

	private BindingException closed(@Nullable RejectedExecutionException cause) {
		return new BindingException(
				"Channel '" + this.channel.name() + "': the binder is closed, so the request was not sent", cause);
	}

	private void forget(PendingReply request) {
		this.pending.remove(request.correlationId(), request);
		this.deadlines.remove(request);
	}

	private void expire(PendingReply request) {
		request.reply().completeExceptionally(new RequestTimeoutException(this.channel.name(), request.timeout()));
	}

	/**
	 * Take the request a reply answers. A reply nobody waits for — it came after its
	 * request timed out, or carries an id never asked for — is counted as dropped.
	 * @param correlationId the reply's correlation id
	 * @return the waiting request, or {@code null} when there is none
	 */
	public @Nullable CompletableFuture<WireMessage> take(@Nullable String correlationId) {
		PendingReply request = (correlationId != null) ? this.pending.remove(correlationId) : null;
		if (request == null) {
			this.channel.statistics().dropped();
			return null;
		}
		return request.reply();
	}

	/**
	 * Fail one request, for example because it could not be sent.
	 * @param correlationId the request's correlation id
	 * @param failure why
	 */
	public void fail(String correlationId, Throwable failure) {
		PendingReply request = this.pending.remove(correlationId);
		if (request != null) {
			request.reply().completeExceptionally(failure);
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
