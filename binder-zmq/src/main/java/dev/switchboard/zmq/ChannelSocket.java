package dev.switchboard.zmq;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One socket of a channel: the thread that owns it, the bindings receiving from it, and
 * how many bindings use it (counted by {@link SocketRegistry} under its lock).
 */
final class ChannelSocket implements Outbox {

	private final String key;

	private final RoundRobinReceiver receivers;

	private final SocketLoop loop;

	private int references;

	ChannelSocket(String key, RoundRobinReceiver receivers, SocketLoop loop) {
		this.key = key;
		this.receivers = receivers;
		this.loop = loop;
	}

	String key() {
		return this.key;
	}

	RoundRobinReceiver receivers() {
		return this.receivers;
	}

	/**
	 * Queue a message for the socket; any thread.
	 * @param message the message
	 * @return {@code false} when the send high-water mark's worth is already queued
	 */
	@Override
	public boolean offer(OutgoingMessage message) {
		return this.loop.offer(message);
	}

	/**
	 * Queue a message for the socket, waiting up to {@code wait} for room; any thread.
	 * @param message the message
	 * @param wait how long to wait while the send high-water mark's worth is queued
	 * @return {@code false} when no room came up in time
	 */
	boolean offer(OutgoingMessage message, Duration wait) {
		return this.loop.offer(message, wait);
	}

	List<String> endpoints() {
		return this.loop.endpoints();
	}

	/**
	 * The socket as operators see it: type, whether it binds or connects, its endpoints,
	 * connected peers and whether its I/O thread still runs.
	 * @return the description
	 */
	Map<String, Object> describe() {
		SocketPlan plan = this.loop.plan();
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("socket", plan.type().name());
		description.put("mode", plan.bind() ? "bind" : "connect");
		description.put("endpoints", this.loop.isRunning() ? endpoints() : plan.endpoints());
		description.put("connectedPeers", this.loop.connectedPeers());
		description.put("running", this.loop.isRunning());
		return description;
	}

	boolean isRunning() {
		return this.loop.isRunning();
	}

	void close() {
		this.loop.close();
	}

	void retain() {
		this.references++;
	}

	boolean release() {
		return --this.references == 0;
	}

}
