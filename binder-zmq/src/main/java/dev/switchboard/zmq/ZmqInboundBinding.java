package dev.switchboard.zmq;

import java.time.Duration;
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

	@Override
	protected void afterRelease() {
		this.workers.close(this.workerTimeout);
	}

}
