package dev.switchboard.zmq;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import dev.switchboard.binder.InboundBinding;
import dev.switchboard.core.ChannelSpec;

/**
 * A listener on a ZeroMQ socket: its receiver takes frames from the I/O thread and its
 * workers run the handler.
 */
final class ZmqInboundBinding extends AbstractZmqBinding implements InboundBinding {

	private final WorkerPool workers;

	private final Duration workerTimeout;

	ZmqInboundBinding(ChannelSpec channel, ChannelSocket socket, SocketRegistry registry, Receiver receiver,
			WorkerPool workers, Duration workerTimeout, Consumer<ZmqBinding> onClose) {
		super(channel, socket, registry, receiver, onClose);
		this.workers = workers;
		this.workerTimeout = workerTimeout;
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

	/**
	 * A paused pool would keep the I/O thread waiting to hand it a message; stop it first,
	 * so the socket closes promptly.
	 */
	@Override
	protected void beforeRelease() {
		if (this.workers.isPaused()) {
			this.workers.close(this.workerTimeout);
		}
	}

	@Override
	protected void afterRelease() {
		this.workers.close(this.workerTimeout);
	}

}
