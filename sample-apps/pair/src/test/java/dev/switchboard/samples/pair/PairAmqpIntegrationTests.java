package dev.switchboard.samples.pair;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.switchboard.samples.testing.SampleProcess;
import dev.switchboard.samples.testing.SampleProcesses;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both ends of the pair sample on RabbitMQ (127.0.0.1:5672). Each test has pair queues of its
 * own, deleted afterwards, since other builds share the broker.
 */
class PairAmqpIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	private final String queue = "switchboard-sample-pair-" + UUID.randomUUID();

	/**
	 * Registered before the processes, so it runs after they are stopped: a sample still
	 * starting would declare what was just deleted again.
	 */
	@RegisterExtension
	@Order(1)
	final AfterEachCallback cleanUp = (context) -> deleteQueues();

	@RegisterExtension
	@Order(2)
	final SampleProcesses processes = new SampleProcesses();

	private void deleteQueues() throws IOException, TimeoutException {
		try (Connection connection = new ConnectionFactory().newConnection();
				Channel channel = connection.createChannel()) {
			channel.queueDelete(this.queue + ".a");
			channel.queueDelete(this.queue + ".b");
		}
	}

	/**
	 * The binding end runs until stopped: an end that exits stops sending, and then the
	 * other end could wait for messages that never come.
	 */
	@Test
	void bothEndsTalkWithEachOther() {
		SampleProcess binding = this.processes.sample("--role=bind", "--message=from bind", "--interval=50ms",
				"--switchboard.transport=amqp", queueArgument());
		SampleProcess connecting = this.processes.sample("--role=connect", "--message=from connect",
				"--interval=50ms", "--count=2", "--switchboard.transport=amqp", queueArgument());
		assertThat(connecting.awaitExit(TIMEOUT)).as(connecting::describe).isZero();
		assertThat(connecting.stdout()).containsExactly("from bind", "from bind");
		assertThat(binding.awaitStdoutLines(1, TIMEOUT)).containsOnly("from connect");
	}

	private String queueArgument() {
		return "--switchboard.channels.pair.amqp.queue=" + this.queue;
	}

}
