package dev.switchboard.amqp;

import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.Pattern;

/**
 * The default AMQP names of a channel's queues and exchanges, a public contract that other
 * clients rely on: the channel name unless the channel's options override it.
 */
final class AmqpNames {

	private AmqpNames() {
	}

	/**
	 * The queue of a request-reply or pipeline channel, or the stem of a pair's queues.
	 */
	static String queue(ChannelSpec channel, AmqpChannelOptions options) {
		return (options.queue() != null) ? options.queue() : channel.name();
	}

	/**
	 * The topic exchange of a pub-sub channel.
	 */
	static String exchange(ChannelSpec channel, AmqpChannelOptions options) {
		return (options.exchange() != null) ? options.exchange() : channel.name();
	}

	/**
	 * The durable queue a pub-sub group shares: {@code <exchange>.<group>}.
	 */
	static String groupQueue(ChannelSpec channel, AmqpChannelOptions options, String group) {
		return exchange(channel, options) + "." + group;
	}

	/**
	 * The dead-letter exchange of a channel: {@code <stem>.dlx}, where the stem is the
	 * pub-sub exchange or the queue (stem) of the other patterns, so the channel name by
	 * default.
	 */
	static String deadLetterExchange(ChannelSpec channel, AmqpChannelOptions options) {
		return stem(channel, options) + ".dlx";
	}

	/**
	 * The dead-letter queue of a channel: {@code <stem>.dlq}.
	 */
	static String deadLetterQueue(ChannelSpec channel, AmqpChannelOptions options) {
		return stem(channel, options) + ".dlq";
	}

	private static String stem(ChannelSpec channel, AmqpChannelOptions options) {
		return (channel.pattern() == Pattern.PUB_SUB) ? exchange(channel, options) : queue(channel, options);
	}

}
