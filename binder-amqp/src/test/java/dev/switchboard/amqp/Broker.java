package dev.switchboard.amqp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

/**
 * The real broker the integration tests run against (127.0.0.1:5672, guest/guest), with a
 * record of what each test declared so it can be deleted afterwards: other builds use the
 * same broker.
 */
final class Broker {

	private final Set<String> queues = ConcurrentHashMap.newKeySet();

	private final Set<String> exchanges = ConcurrentHashMap.newKeySet();

	static Connection connect() {
		try {
			return new ConnectionFactory().newConnection("switchboard-tests");
		}
		catch (IOException | TimeoutException ex) {
			throw new IllegalStateException("The integration tests need RabbitMQ on 127.0.0.1:5672 (guest/guest)", ex);
		}
	}

	String queue(String name) {
		this.queues.add(name);
		return name;
	}

	String exchange(String name) {
		this.exchanges.add(name);
		return name;
	}

	/**
	 * Remember every name a channel may have declared.
	 */
	void channel(String name) {
		queue(name);
		queue(name + ".a");
		queue(name + ".b");
		queue(name + ".dlq");
		exchange(name);
		exchange(name + ".dlx");
	}

	/**
	 * Take what a dead-letter queue holds now, acknowledging it.
	 * @param queue the queue
	 * @return the messages, oldest first; none when the queue does not exist yet
	 */
	static List<GetResponse> drain(String queue) {
		List<GetResponse> messages = new ArrayList<>();
		try (Connection connection = connect(); Channel channel = connection.createChannel()) {
			GetResponse response;
			while ((response = channel.basicGet(queue, true)) != null) {
				messages.add(response);
			}
		}
		catch (IOException ex) {
			if (BrokerFailures.replyCode(BrokerFailures.shutdownSignal(ex)) != BrokerFailures.NOT_FOUND) {
				throw new UncheckedIOException(ex);
			}
		}
		catch (TimeoutException | AlreadyClosedException ex) {
			// Closing after a NOT_FOUND channel closure; what was read is kept.
		}
		return messages;
	}

	void deleteAll() throws IOException, TimeoutException {
		try (Connection connection = connect(); Channel channel = connection.createChannel()) {
			for (String queue : this.queues) {
				channel.queueDelete(queue);
			}
			for (String exchange : this.exchanges) {
				channel.exchangeDelete(exchange);
			}
		}
		this.queues.clear();
		this.exchanges.clear();
	}

}
