package dev.switchboard.zmq;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.switchboard.ChannelConfigurationException;
import dev.switchboard.core.ChannelSpec;

import org.jspecify.annotations.Nullable;

/**
 * Opens the sockets of a binder's channels and shares those that must be shared: one
 * ROUTER for every listener of a request-reply channel, one PAIR for both directions of a
 * pair, one PUB or PUSH per channel. A socket closes when its last binding closes.
 */
final class SocketRegistry {

	private static final AtomicInteger THREADS = new AtomicInteger();

	private final ZmqRuntime runtime;

	private final ZmqBinderOptions options;

	private final ZmqChannelOptionsResolver channelOptions;

	private final SocketOpener opener;

	private final Map<String, ChannelSocket> shared = new HashMap<>();

	private final List<ChannelSocket> open = new ArrayList<>();

	SocketRegistry(ZmqRuntime runtime, ZmqBinderOptions options, ZmqChannelOptionsResolver channelOptions,
			SocketOpener opener) {
		this.runtime = runtime;
		this.options = options;
		this.channelOptions = channelOptions;
		this.opener = opener;
	}

	/**
	 * The channel's settings, checked.
	 * @param channel the channel
	 * @return its settings
	 * @throws ChannelConfigurationException if it has no endpoint
	 */
	ZmqChannelOptions options(ChannelSpec channel) {
		ZmqChannelOptions options = this.channelOptions.resolve(channel.name());
		if (options.endpoints().isEmpty()) {
			throw new ChannelConfigurationException("Channel '" + channel.name() + "' has no ZeroMQ endpoint; set "
					+ "switchboard.channels." + channel.name() + ".zmq.endpoints, for example tcp://127.0.0.1:5678");
		}
		return options;
	}

	/**
	 * Open a socket for a binding, or share the channel's existing one for this role.
	 * @param channel the channel
	 * @param role the socket's role
	 * @param subscriptions the prefixes of a SUB socket
	 * @param receiver the binding's receiver, or {@code null} for a binding that only sends
	 * @return the socket, retained for the binding
	 */
	synchronized ChannelSocket acquire(ChannelSpec channel, SocketRole role, List<byte[]> subscriptions,
			@Nullable Receiver receiver) {
		String key = role.name() + " " + channel.name();
		ChannelSocket socket = role.shared() ? this.shared.get(key) : null;
		if (socket == null) {
			socket = open(channel, role, subscriptions, key, receiver);
			if (role.shared()) {
				this.shared.put(key, socket);
			}
			this.open.add(socket);
		}
		else if (receiver != null) {
			socket.receivers().attach(receiver);
		}
		socket.retain();
		return socket;
	}

	/**
	 * Give a binding's use of a socket back, closing the socket if it was the last.
	 * @param socket the socket
	 * @param receiver the binding's receiver, or {@code null}
	 */
	synchronized void release(ChannelSocket socket, @Nullable Receiver receiver) {
		if (receiver != null) {
			socket.receivers().detach(receiver);
		}
		if (socket.release()) {
			this.shared.remove(socket.key(), socket);
			this.open.remove(socket);
			socket.close();
		}
	}

	/**
	 * Close every socket still open.
	 */
	synchronized void closeAll() {
		this.open.forEach(ChannelSocket::close);
		this.open.clear();
		this.shared.clear();
	}

	private ChannelSocket open(ChannelSpec channel, SocketRole role, List<byte[]> subscriptions, String key,
			@Nullable Receiver receiver) {
		ZmqChannelOptions settings = options(channel);
		SocketPlan plan = new SocketPlan(channel.name(), role.type(),
				(settings.bind() != null) ? settings.bind() : role.bindByDefault(), settings.endpoints(),
				orDefault(settings.sendHighWaterMark(), this.options.sendHighWaterMark()),
				orDefault(settings.receiveHighWaterMark(), this.options.receiveHighWaterMark()),
				(settings.maxMessageSize() != null) ? settings.maxMessageSize() : this.options.maxMessageSize(),
				subscriptions, channel.statistics());
		RoundRobinReceiver receivers = new RoundRobinReceiver(channel.statistics());
		if (receiver != null) {
			receivers.attach(receiver);
		}
		String threadName = "switchboard-zmq-" + channel.name() + "-" + role.threadTag() + "-"
				+ THREADS.incrementAndGet();
		SocketLoop loop = SocketLoop.start(this.runtime.context(), this.opener, plan, receivers, this.options,
				threadName);
		return new ChannelSocket(key, receivers, loop);
	}

	private static int orDefault(@Nullable Integer value, int fallback) {
		return (value != null) ? value : fallback;
	}

}
