package dev.switchboard.zmq;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
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
 */
final class ZmqRequestBinding extends AbstractZmqBinding implements RequestBinding {

	private final MessageCodec codec;

	private final PendingReplies pending;

	private final AtomicLong ids = new AtomicLong();

	ZmqRequestBinding(ChannelSpec channel, ChannelSocket socket, SocketRegistry registry, ReplyMatcher replies,
			PendingReplies pending, MessageCodec codec, Consumer<ZmqBinding> onClose) {
		super(channel, socket, registry, replies, onClose);
		this.codec = codec;
		this.pending = pending;
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
			if (!socket().offer(frames)) {
				this.pending.fail(id, new BindingException("Channel '" + channel().name() + "': too many requests are "
						+ "waiting for the ZeroMQ socket (send high-water mark); is the listener reachable?"));
			}
		}
		catch (BindingException ex) {
			this.pending.fail(id, ex);
		}
		return reply;
	}

	@Override
	protected void afterRelease() {
		this.pending.failAll(new BindingException("Channel '" + channel().name()
				+ "': the request binding closed before the reply arrived"));
	}

}
