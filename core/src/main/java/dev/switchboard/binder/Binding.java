package dev.switchboard.binder;

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
	 * Release the binding within a bounded time. Idempotent.
	 */
	@Override
	void close();

}
