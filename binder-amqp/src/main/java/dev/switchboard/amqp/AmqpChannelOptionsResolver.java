package dev.switchboard.amqp;

/**
 * Looks up the AMQP settings of a channel by name, so that configuration can live wherever
 * the application keeps it (Spring properties, code, a test).
 */
@FunctionalInterface
public interface AmqpChannelOptionsResolver {

	/**
	 * A resolver that gives every channel the defaults.
	 */
	AmqpChannelOptionsResolver DEFAULTS = (channel) -> AmqpChannelOptions.defaults();

	/**
	 * Return the options of a channel.
	 * @param channel the channel name
	 * @return its options, {@link AmqpChannelOptions#defaults()} when it has none
	 */
	AmqpChannelOptions resolve(String channel);

}
