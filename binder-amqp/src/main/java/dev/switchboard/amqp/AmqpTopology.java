package dev.switchboard.amqp;

import java.io.IOException;
import java.util.Map;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;

import org.jspecify.annotations.Nullable;

/**
 * Declares the queues, exchanges and bindings a channel needs, turning a refusal into an
 * error that names the entity and the fix. Declarations are idempotent, so both sides of a
 * channel declare what they use and either may start first.
 */
final class AmqpTopology {

	/**
	 * The queue argument that makes only one consumer at a time receive messages; the others
	 * wait as standbys.
	 */
	static final Map<String, Object> SINGLE_ACTIVE_CONSUMER = Map.of("x-single-active-consumer", true);

	private AmqpTopology() {
	}

	static void declareQueue(Channel amqp, String channel, String queue, boolean durable,
			@Nullable Map<String, Object> arguments) {
		try {
			amqp.queueDeclare(queue, durable, false, false, arguments);
		}
		catch (IOException | RuntimeException ex) {
			throw BrokerFailures.declarationFailed(channel, "queue", queue, ex);
		}
	}

	/**
	 * Declare a queue of one subscriber's own: named by the broker, gone when its consumers
	 * go.
	 * @return the queue name the broker chose
	 */
	static String declarePrivateQueue(Channel amqp, String channel, @Nullable Map<String, Object> arguments) {
		try {
			return amqp.queueDeclare("", false, true, true, arguments).getQueue();
		}
		catch (IOException | RuntimeException ex) {
			throw BrokerFailures.declarationFailed(channel, "queue", "(server-named)", ex);
		}
	}

	static void declareTopicExchange(Channel amqp, String channel, String exchange, boolean durable) {
		try {
			amqp.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, durable);
		}
		catch (IOException | RuntimeException ex) {
			throw BrokerFailures.declarationFailed(channel, "exchange", exchange, ex);
		}
	}

	static void bindQueue(Channel amqp, String channel, String queue, String exchange, String routingKey) {
		try {
			amqp.queueBind(queue, exchange, routingKey);
		}
		catch (IOException | RuntimeException ex) {
			throw BrokerFailures.declarationFailed(channel, "queue", queue, ex);
		}
	}

}
