package dev.switchboard.zmq;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import dev.switchboard.BindingException;
import dev.switchboard.binder.PendingReplies;
import dev.switchboard.binder.RequestBinding;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.WireMessage;

/**
 * The calling side of a request-reply channel on a DEALER socket: many requests in flight,
 * each sent as {@code [correlation id, empty delimiter, body...]} so that both our ROUTER
 * listeners and plain REP servers send the correlation frame back with the reply.
 *
 * <p>Replies are matched on the socket's I/O thread, which also completes the future:
 * dependent stages that block should run on an executor of their own
 * ({@code thenApplyAsync(..., executor)}). A timer expires requests; a reply arriving
 * after that is dropped and counted.
 *
 * <p>With {@code requestRetries} set, a request unanswered after its share of the timeout
 * is sent again, with the same correlation id (Lazy Pirate, without the REQ socket's reset:
 * a DEALER has no send/receive lockstep to get stuck in). The first reply to any copy
 * completes the request; replies to the other copies are dropped and counted as late. The
 * timeout remains the total deadline.
 */
final class ZmqRequestBinding extends AbstractZmqBinding implements RequestBinding {

	private final MessageCodec codec;

	private final PendingReplies pending;

	private final ScheduledExecutorService timer;

	private final int retries;

	private final AtomicLong ids = new AtomicLong();

	ZmqRequestBinding(ChannelSpec channel, ChannelSocket socket, SocketRegistry registry, ReplyMatcher replies,
			PendingReplies pending, MessageCodec codec, ScheduledExecutorService timer, int retries,
			Consumer<ZmqBinding> onClose) {
		super(channel, socket, registry, replies, onClose);
		this.codec = codec;
		this.pending = pending;
		this.timer = timer;
		this.retries = retries;
	}

	@Override
	public CompletableFuture<WireMessage> request(WireMessage request, Duration timeout) {
		checkOpen();
		String id = Long.toString(this.ids.incrementAndGet(), Character.MAX_RADIX);
		CompletableFuture<WireMessage> reply = this.pending.register(id, timeout);
		if (reply.isDone()) {
			return reply;
		}
		OutgoingMessage frames = this.codec.encode(request.withCorrelationId(id))
			.prefixedWith(id.getBytes(StandardCharsets.UTF_8), RoutingEnvelope.DELIMITER);
		try {
			if (!socket().offer((this.retries > 0) ? frames.copy() : frames)) {
				this.pending.fail(id, new BindingException("Channel '" + channel().name() + "': too many requests are "
						+ "waiting for the ZeroMQ socket (send high-water mark); is the listener reachable?"));
			}
		}
		catch (BindingException ex) {
			this.pending.fail(id, ex);
		}
		scheduleResends(reply, frames, timeout);
		return reply;
	}

	/**
	 * Send again at each of the {@code retries} even splits of the timeout while no reply
	 * has come. A resend the socket cannot take now is skipped: the next one, or the
	 * timeout, follows.
	 */
	private void scheduleResends(CompletableFuture<WireMessage> reply, OutgoingMessage frames, Duration timeout) {
		long slice = timeout.toNanos() / (this.retries + 1);
		for (int attempt = 1; attempt <= this.retries && !reply.isDone(); attempt++) {
			try {
				ScheduledFuture<?> resend = this.timer.schedule(() -> resend(reply, frames), slice * attempt,
						TimeUnit.NANOSECONDS);
				reply.whenComplete((message, ex) -> resend.cancel(false));
			}
			catch (RejectedExecutionException ex) {
				return;
			}
		}
	}

	private void resend(CompletableFuture<WireMessage> reply, OutgoingMessage frames) {
		if (reply.isDone()) {
			return;
		}
		try {
			socket().offer(frames.copy());
		}
		catch (BindingException ex) {
			// closed meanwhile: closing fails every pending request
		}
	}

	@Override
	protected void afterRelease() {
		this.pending.failAll(new BindingException("Channel '" + channel().name()
				+ "': the request binding closed before the reply arrived"));
	}

}
