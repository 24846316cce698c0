package dev.switchboard.zmq;

import java.time.Duration;
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

	/**
	 * How long a send waits for room in a full queue. A socket whose peer keeps up frees
	 * room within microseconds, but on a loaded machine JeroMQ's threads can be kept off the
	 * CPU for a hundred milliseconds or more (raw JeroMQ PUSH/PULL on the 2-core benchmark
	 * machine paused up to 217 ms between two messages); a peer that takes nothing for a
	 * whole second is not keeping up. Before the wait, a sender faster than the socket failed
	 * and retried in a loop, and building those exceptions took most of the CPU of a
	 * pipeline benchmark.
	 */
	static final Duration ROOM_WAIT = Duration.ofSeconds(1);

	private final MessageCodec codec;

	private final boolean publisher;

	private final int highWaterMark;

	ZmqOutboundBinding(ChannelSpec channel, ChannelSocket socket, SocketRegistry registry, MessageCodec codec,
			SocketRole role, int highWaterMark, Consumer<ZmqBinding> onClose) {
		super(channel, socket, registry, null, onClose);
		this.codec = codec;
		this.publisher = role == SocketRole.PUBLISHER;
		this.highWaterMark = highWaterMark;
	}

	/**
	 * Queue a message, waiting up to {@link #ROOM_WAIT} while the send high-water mark's
	 * worth is already queued for the socket's thread. Then a publisher drops the message
	 * and counts it, and other patterns refuse it, so the caller learns that no peer is
	 * taking messages.
	 * <p>A publisher waits too, although a PUB socket never blocks: its queue fills only
	 * while the socket's thread is behind the caller, never because of a subscriber (the PUB
	 * drops what a slow subscriber cannot take, per subscriber, at the high-water mark), so
	 * waiting is what a plain PUB's caller does while {@code send} runs. A publisher that
	 * dropped here instead kept its caller and the socket's thread both running flat out
	 * whenever it outpaced the socket, and took the CPU its subscribers needed.
	 */
	@Override
	public void send(WireMessage message) {
		checkOpen();
		if (socket().offer(this.codec.encode(message), ROOM_WAIT)) {
			return;
		}
		if (this.publisher) {
			channel().statistics().dropped();
			return;
		}
		String name = channel().name();
		throw new BindingException("Channel '" + name + "': " + this.highWaterMark + " messages are already "
				+ "waiting for the ZeroMQ socket; is a peer connected and keeping up? Raise switchboard.channels." + name
				+ ".zmq.send-high-water-mark to queue more");
	}

}
