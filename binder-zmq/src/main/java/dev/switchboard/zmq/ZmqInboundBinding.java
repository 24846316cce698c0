package dev.switchboard.zmq;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import dev.switchboard.binder.InboundBinding;
import dev.switchboard.core.ChannelSpec;

/**
 * A listener on a ZeroMQ socket: its receiver takes frames from the I/O thread and its
 * workers run the handler. Closing is graceful: the binding stops taking messages, lets
 * its handlers finish what they hold (at most the shutdown timeout), and only then gives
 * the socket back, so their replies leave before it closes.
 */
final class ZmqInboundBinding extends AbstractZmqBinding implements InboundBinding {

	private final Receiver receiver;

	private final WorkerPool workers;

	private final Duration shutdownTimeout;

	ZmqInboundBinding(ChannelSpec channel, ChannelSocket socket, SocketRegistry registry, Receiver receiver,
			WorkerPool workers, Duration shutdownTimeout, Consumer<ZmqBinding> onClose) {
		super(channel, socket, registry, receiver, onClose);
		this.receiver = receiver;
		this.workers = workers;
		this.shutdownTimeout = shutdownTimeout;
	}

	/**
	 * Stop taking messages and tell the workers to stop after the message in hand, without
	 * waiting; closing the binder does this for every listener first, so that their
	 * handlers finish side by side.
	 */
	void stopReceiving() {
		socket().receivers().detach(this.receiver);
		this.workers.stop();
	}

	/**
	 * Stop handing messages to the handler. ZeroMQ has no broker to give them back to: the
	 * binding's queue fills, its I/O thread stops reading, and the receive and send
	 * high-water marks push back on the peers, so a PUSH producer routes to the other
	 * workers once this one's pipe is full. What was already routed here waits for
	 * {@link #resume()} (or is lost if the binding closes while paused).
	 */
	@Override
	public void pause() {
		this.workers.pause();
	}

	@Override
	public void resume() {
		this.workers.resume();
	}

	@Override
	public boolean isPaused() {
		return this.workers.isPaused();
	}

	@Override
	public Map<String, Object> describe() {
		Map<String, Object> description = new LinkedHashMap<>(super.describe());
		description.put("paused", isPaused());
		return description;
	}

	@Override
	protected void beforeRelease() {
		stopReceiving();
		this.workers.close(this.shutdownTimeout);
	}

}
