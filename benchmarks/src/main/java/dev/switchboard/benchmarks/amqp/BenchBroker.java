package dev.switchboard.benchmarks.amqp;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.switchboard.core.Pattern;

/**
 * The RabbitMQ side every AMQP subject shares: where the broker is, and the queue or exchange
 * each pattern uses, declared exactly as Switchboard declares them (durable; pair queues
 * single-active-consumer). Every subject starts from deleted entities, so none works through
 * another's leftovers.
 */
public final class BenchBroker {

	/** The stem of every queue and exchange name, one per pattern. */
	private static final String STEM = "switchboard-bench-";

	/** The direct reply-to pseudo-queue. */
	public static final String DIRECT_REPLY_TO = "amq.rabbitmq.reply-to";

	/** How long a request may wait in its queue, as Switchboard's default request timeout. */
	public static final String REQUEST_EXPIRATION = "10000";

	/** The prefetch Switchboard (and so every subject) gives each consumer. */
	public static final int PREFETCH = 250;

	/** Content type of a {@code byte[]} payload, as Switchboard sends it. */
	public static final String OCTET_STREAM = "application/octet-stream";

	private BenchBroker() {
	}

	/**
	 * A connection factory for the local broker.
	 * @return the factory
	 */
	public static ConnectionFactory connectionFactory() {
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost("127.0.0.1");
		factory.setPort(5672);
		factory.setUsername("guest");
		factory.setPassword("guest");
		return factory;
	}

	/**
	 * The queue a pattern sends to (for pair, the stem of its two queues), or its exchange
	 * for pub-sub.
	 * @param pattern the pattern
	 * @return the name
	 */
	public static String name(Pattern pattern) {
		return STEM + pattern.id();
	}

	/**
	 * The queue a pair's sending side (side a) delivers to.
	 * @return the name of side b's queue
	 */
	public static String pairInbox() {
		return name(Pattern.PAIR) + ".b";
	}

	/**
	 * Delete what a pattern declares, so that the next subject starts from nothing.
	 * @param pattern the pattern
	 * @throws IOException if the broker cannot be reached
	 * @throws TimeoutException if the connection cannot be opened in time
	 */
	public static void reset(Pattern pattern) throws IOException, TimeoutException {
		try (Connection connection = connectionFactory().newConnection("switchboard-bench-reset");
				Channel channel = connection.createChannel()) {
			String name = name(pattern);
			switch (pattern) {
				case PUB_SUB -> channel.exchangeDelete(name);
				case PAIR -> {
					channel.queueDelete(name + ".a");
					channel.queueDelete(name + ".b");
				}
				default -> channel.queueDelete(name);
			}
		}
	}

	/**
	 * Declare what a pattern sends to, as Switchboard does.
	 * @param channel the channel to declare on
	 * @param pattern the pattern
	 * @throws IOException if the declaration fails
	 */
	public static void declare(Channel channel, Pattern pattern) throws IOException {
		String name = name(pattern);
		switch (pattern) {
			case PUB_SUB -> channel.exchangeDeclare(name, BuiltinExchangeType.TOPIC, true);
			case PAIR -> {
				Map<String, Object> singleActive = Map.of("x-single-active-consumer", true);
				channel.queueDeclare(name + ".a", true, false, false, singleActive);
				channel.queueDeclare(name + ".b", true, false, false, singleActive);
			}
			default -> channel.queueDeclare(name, true, false, false, null);
		}
	}

	/**
	 * Properties of a message sent with Switchboard's default guarantees for its pattern:
	 * persistent, except requests, which are transient and expire with the caller's timeout.
	 * @param pattern the pattern
	 * @return the properties
	 */
	public static AMQP.BasicProperties.Builder properties(Pattern pattern) {
		AMQP.BasicProperties.Builder properties = new AMQP.BasicProperties.Builder().contentType(OCTET_STREAM);
		if (pattern == Pattern.REQUEST_REPLY) {
			return properties.deliveryMode(1).replyTo(DIRECT_REPLY_TO).expiration(REQUEST_EXPIRATION);
		}
		return properties.deliveryMode(2);
	}

}
