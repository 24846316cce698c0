package dev.switchboard.zmq;

/**
 * Looks up the ZeroMQ settings of a channel by name; auto-configuration backs it with
 * {@code switchboard.channels.<name>.zmq.*}.
 */
@FunctionalInterface
public interface ZmqChannelOptionsResolver {

	/**
	 * The settings of one channel.
	 * @param channel the channel name
	 * @return its settings, {@link ZmqChannelOptions#none()} when nothing is configured
	 */
	ZmqChannelOptions resolve(String channel);

}
