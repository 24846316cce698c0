package dev.switchboard.amqp;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import dev.switchboard.core.ChannelSpec;

import org.jspecify.annotations.Nullable;

/**
 * The dead-letter topology of a channel: a fanout exchange {@code <stem>.dlx} with the
 * queue {@code <stem>.dlq} bound to it, and the {@code x-dead-letter-exchange} argument on
 * every queue the channel consumes from. One exchange per channel, and a fanout one, so the
 * queues need no {@code x-dead-letter-routing-key}: a message the broker dead-letters by
 * itself keeps its routing key (a pub-sub message its topic), and an operator can bind more
 * queues (an alerting consumer, an archive) to one channel's dead letters without seeing
 * another's.
 */
final class DeadLetterQueues {

	/**
	 * The queue argument naming the exchange the broker dead-letters rejected or expired
	 * messages to.
	 */
	static final String DEAD_LETTER_EXCHANGE_ARGUMENT = "x-dead-letter-exchange";

	private DeadLetterQueues() {
	}

	/**
	 * The arguments of a queue the channel consumes from.
	 * @param channel the channel
	 * @param options its options
	 * @param arguments other arguments the queue needs, or {@code null}
	 * @return the arguments, with the dead-letter exchange when the channel has one
	 */
	static @Nullable Map<String, Object> arguments(ChannelSpec channel, AmqpChannelOptions options,
			@Nullable Map<String, Object> arguments) {
		if (!options.deadLetterQueue()) {
			return arguments;
		}
		Map<String, Object> all = (arguments != null) ? new HashMap<>(arguments) : new HashMap<>();
		all.put(DEAD_LETTER_EXCHANGE_ARGUMENT, AmqpNames.deadLetterExchange(channel, options));
		return all;
	}

	/**
	 * Declare the dead-letter exchange and queue and bind them, when the channel has them.
	 * @param amqp a channel that stays open while the binding runs, for recovery
	 * @param channel the channel
	 * @param options its options
	 */
	static void declare(Channel amqp, ChannelSpec channel, AmqpChannelOptions options) {
		if (!options.deadLetterQueue()) {
			return;
		}
		String exchange = AmqpNames.deadLetterExchange(channel, options);
		String queue = AmqpNames.deadLetterQueue(channel, options);
		try {
			amqp.exchangeDeclare(exchange, BuiltinExchangeType.FANOUT, options.durable());
		}
		catch (IOException | RuntimeException ex) {
			throw BrokerFailures.declarationFailed(channel.name(), "exchange", exchange, ex);
		}
		AmqpTopology.declareQueue(amqp, channel.name(), queue, options.durable(), null);
		AmqpTopology.bindQueue(amqp, channel.name(), queue, exchange, "");
	}

}
