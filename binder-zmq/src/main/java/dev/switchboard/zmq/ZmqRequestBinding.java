package dev.switchboard.zmq;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import dev.switchboard.BindingException;
import dev.switchboard.RequestTimeoutException;
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
 */
final class ZmqRequestBinding extends AbstractZmqBinding implements RequestBinding {

	private final MessageCodec codec;

	private final ScheduledExecutorService timer;

	private final Map<String, CompletableFuture<WireMessage>> pending;

	private final AtomicLong ids = new AtomicLong();

	ZmqRequestBinding(ChannelSpec channel, ChannelSocket socket, SocketRegistry registry, ReplyMatcher replies,
			MessageCodec codec, ScheduledExecutorService timer, Consumer<ZmqBinding> onClose) {
		super(channel, socket, registry, replies, onClose);
		this.codec = codec;
		this.timer = timer;
		this.pending = replies.pending();
	}

	@Override
	public CompletableFuture<WireMessage> request(WireMessage request, Duration timeout) {
		checkOpen();
		String id = Long.toString(this.ids.incrementAndGet(), Character.MAX_RADIX);
		CompletableFuture<WireMessage> reply = new CompletableFuture<>();
		this.pending.put(id, reply);
		ScheduledFuture<?> expiry = this.timer.schedule(() -> expire(id, timeout), timeout.toNanos(),
				TimeUnit.NANOSECONDS);
		reply.whenComplete((message, ex) -> expiry.cancel(false));
		OutgoingMessage frames = this.codec.encode(request.withCorrelationId(id))
			.prefixedWith(id.getBytes(StandardCharsets.UTF_8), RoutingEnvelope.DELIMITER);
		try {
			if (!socket().offer(frames)) {
				fail(id, new BindingException("Channel '" + channel().name() + "': too many requests are waiting for "
						+ "the ZeroMQ socket (send high-water mark); is the listener reachable?"));
			}
		}
		catch (BindingException ex) {
			fail(id, ex);
		}
		return reply;
	}

	@Override
	protected void afterRelease() {
		BindingException closed = new BindingException("Channel '" + channel().name()
				+ "': the request binding closed before the reply arrived");
		this.pending.keySet().forEach((id) -> fail(id, closed));
	}

	private void expire(String id, Duration timeout) {
		fail(id, new RequestTimeoutException(channel().name(), timeout));
	}

	private void fail(String id, Exception ex) {
		CompletableFuture<WireMessage> reply = this.pending.remove(id);
		if (reply != null) {
			reply.completeExceptionally(ex);
		}
	}

}
