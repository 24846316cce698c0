package dev.switchboard.zmq;

import java.util.function.Consumer;

import dev.switchboard.BindingException;
import dev.switchboard.binder.OutboundBinding;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.WireMessage;

/**
 * The sending side of a pub-sub (PUB), pipeline (PUSH) or pair (PAIR) channel. A send
 * encodes on the caller's thread and queues the frames for the socket's I/O thread; it
 * returns once they are queued, which is all ZeroMQ promises.
 */
final class ZmqOutboundBinding extends AbstractZmqBinding implements OutboundBinding {

	private final MessageCodec codec;

	private final boolean dropWhenFull;

	private final int highWaterMark;

	ZmqOutboundBinding(ChannelSpec channel, ChannelSocket socket, SocketRegistry registry, MessageCodec codec,
			SocketRole role, int highWaterMark, Consumer<ZmqBinding> onClose) {
		super(channel, socket, registry, null, onClose);
		this.codec = codec;
		this.dropWhenFull = role == SocketRole.PUBLISHER;
		this.highWaterMark = highWaterMark;
	}

	/**
	 * Queue a message. When the send high-water mark's worth is already queued, a publisher
	 * drops the message and counts it, as a PUB socket does; other patterns refuse it, so
	 * the caller learns that no peer is taking messages.
	 */
	@Override
	public void send(WireMessage message) {
		checkOpen();
		if (!socket().offer(this.codec.encode(message))) {
			if (this.dropWhenFull) {
				channel().statistics().dropped();
				return;
			}
			String name = channel().name();
			throw new BindingException("Channel '" + name + "': " + this.highWaterMark + " messages are already "
					+ "waiting for the ZeroMQ socket; is a peer connected and keeping up? Raise switchboard.channels."
					+ name + ".zmq.send-high-water-mark to queue more");
		}
	}

}
