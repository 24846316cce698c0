package dev.switchboard.binder;

import java.util.Map;

import dev.switchboard.core.ChannelSpec;

/**
 * An open connection between one channel and a transport.
 */
public interface Binding extends AutoCloseable {

	/**
	 * The channel this binding serves.
	 * @return the channel
	 */
	ChannelSpec channel();

	/**
	 * Where the binding is attached on its transport, for operators: the ZeroMQ endpoints it
	 * bound or connected, the AMQP exchange and queue, peer counts. Keys are stable names,
	 * values plain strings, numbers, booleans or lists of them.
	 * @return the description; empty by default
	 */
	default Map<String, Object> describe() {
		return Map.of();
	}

	/**
	 * Release the binding within a bounded time. Idempotent.
	 */
	@Override
	void close();

}
