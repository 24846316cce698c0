package dev.switchboard.samples.testing;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Deletes, after each test, the queues and exchanges a test named on the broker at
 * 127.0.0.1:5672, since other builds share that broker. Register it with a lower
 * {@code @Order} than {@link SampleProcesses}, so that it runs after the processes have
 * stopped: a sample still starting would declare again what was just deleted.
 */
public final class BrokerCleanup implements AfterEachCallback {

	private final List<String> queues = new CopyOnWriteArrayList<>();

	private final List<String> exchanges = new CopyOnWriteArrayList<>();

	/**
	 * Delete this queue after the test.
	 * @param name the queue name
	 * @return the name
	 */
	public String queue(String name) {
		this.queues.add(name);
		return name;
	}

	/**
	 * Delete this exchange after the test.
	 * @param name the exchange name
	 * @return the name
	 */
	public String exchange(String name) {
		this.exchanges.add(name);
		return name;
	}

	/**
	 * Delete the dead-letter exchange and queue of a channel after the test:
	 * {@code <stem>.dlx} and {@code <stem>.dlq}.
	 * @param stem the channel's queue (or pub-sub exchange) name
	 * @return the stem
	 */
	public String deadLetters(String stem) {
		queue(stem + ".dlq");
		exchange(stem + ".dlx");
		return stem;
	}

	@Override
	public void afterEach(ExtensionContext context) throws IOException, TimeoutException {
		try (Connection connection = new ConnectionFactory().newConnection();
				Channel channel = connection.createChannel()) {
			for (String queue : this.queues) {
				channel.queueDelete(queue);
			}
			for (String exchange : this.exchanges) {
				channel.exchangeDelete(exchange);
			}
		}
	}

}
