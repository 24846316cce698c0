package dev.switchboard.amqp;

import java.util.Map;

import dev.switchboard.binder.InboundSpec;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.TopicFilter;

import org.jspecify.annotations.Nullable;

/**
 * How a pub-sub listener consumes: a queue of its own (named by the broker, exclusive,
 * deleted when it stops) or, with a group, the group's shared durable queue, bound to the
 * channel's topic exchange with the listener's filter as the binding key. RabbitMQ's topic
 * matching is the same as {@link TopicFilter}'s, so the broker filters exactly.
 */
final class Subscriptions {

	private Subscriptions() {
	}

	static ConsumerSettings settings(ChannelSpec channel, InboundSpec spec, AmqpChannelOptions options,
			@Nullable DeadLetterPublisher deadLetters) {
		String exchange = AmqpNames.exchange(channel, options);
		String group = spec.group();
		String bindingKey = ((spec.topicFilter() != null) ? spec.topicFilter() : TopicFilter.all()).expression();
		return new ConsumerSettings((amqp) -> {
			AmqpTopology.declareTopicExchange(amqp, channel.name(), exchange, options.durable());
			DeadLetterQueues.declare(amqp, channel, options);
			Map<String, Object> arguments = DeadLetterQueues.arguments(channel, options, null);
			String queue;
			if (group != null) {
				queue = AmqpNames.groupQueue(channel, options, group);
				AmqpTopology.declareQueue(amqp, channel.name(), queue, options.durable(), arguments);
			}
			else {
				queue = AmqpTopology.declarePrivateQueue(amqp, channel.name(), arguments);
			}
			AmqpTopology.bindQueue(amqp, channel.name(), queue, exchange, bindingKey);
			return queue;
		}, spec.concurrency(), options.prefetch(), true, deadLetters);
	}

}
