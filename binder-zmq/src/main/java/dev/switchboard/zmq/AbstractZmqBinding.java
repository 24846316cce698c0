package dev.switchboard.zmq;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import dev.switchboard.BindingException;
import dev.switchboard.core.ChannelSpec;

import org.jspecify.annotations.Nullable;

/**
 * What every ZeroMQ binding shares: its channel, its socket and an idempotent close that
 * gives the socket back to the registry.
 */
abstract class AbstractZmqBinding implements ZmqBinding {

	private final ChannelSpec channel;

	private final ChannelSocket socket;

	private final SocketRegistry registry;

	private final @Nullable Receiver receiver;

	private final Consumer<ZmqBinding> onClose;

	private final AtomicBoolean closed = new AtomicBoolean();

	AbstractZmqBinding(ChannelSpec channel, ChannelSocket socket, SocketRegistry registry, @Nullable Receiver receiver,
			Consumer<ZmqBinding> onClose) {
		this.channel = channel;
		this.socket = socket;
		this.registry = registry;
		this.receiver = receiver;
		this.onClose = onClose;
	}

	@Override
	public ChannelSpec channel() {
		return this.channel;
	}

	@Override
	public List<String> endpoints() {
		return this.socket.endpoints();
	}

	@Override
	public Map<String, Object> describe() {
		return this.socket.describe();
	}

	/**
	 * Whether the binding is open and its socket's I/O thread still runs.
	 * @return {@code false} once closed, or when the socket's thread stopped on an error
	 */
	boolean isHealthy() {
		return !this.closed.get() && this.socket.isRunning();
	}

	@Override
	public final void close() {
		if (this.closed.compareAndSet(false, true)) {
			beforeRelease();
			this.registry.release(this.socket, this.receiver);
			afterRelease();
			this.onClose.accept(this);
		}
	}

	/**
	 * Finish what the binding is doing and prepare for the socket to be given back, while
	 * it is still open.
	 */
	protected void beforeRelease() {
	}

	/**
	 * Release what the binding holds besides the socket, once no message reaches it.
	 */
	protected void afterRelease() {
	}

	protected final ChannelSocket socket() {
		return this.socket;
	}

	protected final void checkOpen() {
		if (this.closed.get()) {
			throw new BindingException("Channel '" + this.channel.name() + "': this ZeroMQ binding is closed");
		}
	}

}
