package dev.switchboard.amqp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.switchboard.BindingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests for {@link PublisherLane} against the real broker: the broker's returns of
 * mandatory messages reach the publish they belong to, whether the publish went out with
 * the sequence header or without it.
 */
class PublisherLaneIntegrationTests {

	private static final int THREADS = 4;

	private static final int SENDS_PER_THREAD = 100;

	private static final AMQP.BasicProperties PERSISTENT = new AMQP.BasicProperties.Builder().deliveryMode(2).build();

	private final Broker broker = new Broker();

	@AfterEach
	void cleanUp() throws IOException, TimeoutException {
		this.broker.deleteAll();
	}

	@Test
	void threadsSharingOneLaneEachLearnWhetherTheirOwnMandatoryMessageWasTaken() throws Exception {
		String taken = this.broker.queue("lane-taken-" + UUID.randomUUID());
		String missing = "lane-missing-" + UUID.randomUUID();
		try (AmqpConnections connections = new AmqpConnections(AmqpConnectionOptions.defaults());
				PublisherLanes lanes = new PublisherLanes(1, connections::publishingChannel, ChannelInitializer.NONE,
						true, connections.gate())) {
			lanes.firstChannel().queueDeclare(taken, true, false, false, null);
			ExecutorService threads = Executors.newFixedThreadPool(THREADS);
			List<Future<Integer>> delivered = new ArrayList<>();
			for (int thread = 0; thread < THREADS; thread++) {
				boolean odd = thread % 2 == 1;
				delivered.add(threads.submit(() -> sendAlternately(lanes, odd ? missing : taken, odd ? taken : missing)));
			}
			int sentToTaken = 0;
			for (Future<Integer> thread : delivered) {
				sentToTaken += thread.get();
			}
			threads.shutdown();
			assertThat(sentToTaken).isEqualTo(THREADS * SENDS_PER_THREAD / 2);
			assertThat(messageCount(taken)).isEqualTo(sentToTaken);
		}
	}

	/**
	 * Publish to the two queues in turn, checking each confirm.
	 * @return how many messages the taken queue confirmed
	 */
	private static int sendAlternately(PublisherLanes lanes, String first, String second) {
		int confirmed = 0;
		for (int i = 0; i < SENDS_PER_THREAD; i++) {
			String queue = (i % 2 == 0) ? first : second;
			CompletableFuture<Void> confirm = lanes.publish("", queue, true, PERSISTENT, new byte[] { (byte) i });
			Throwable failure = catchThrowable(() -> confirm.get(30, TimeUnit.SECONDS));
			if (queue.startsWith("lane-missing-")) {
				assertThat(failure).as("a send to the missing queue").hasCauseInstanceOf(BindingException.class)
					.hasMessageContaining("no queue took the message");
			}
			else {
				assertThat(failure).as("a send to the declared queue").isNull();
				confirmed++;
			}
		}
		return confirmed;
	}

	private static long messageCount(String queue) throws IOException, TimeoutException {
		try (Connection connection = Broker.connect(); Channel channel = connection.createChannel()) {
			return channel.messageCount(queue);
		}
	}

}
