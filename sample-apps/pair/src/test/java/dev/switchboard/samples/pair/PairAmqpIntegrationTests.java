package dev.switchboard.samples.pair;

import java.time.Duration;
import java.util.UUID;

import dev.switchboard.samples.testing.BrokerCleanup;
import dev.switchboard.samples.testing.SampleProcess;
import dev.switchboard.samples.testing.SampleProcesses;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both ends of the pair sample on RabbitMQ (127.0.0.1:5672). Each test has pair queues of its
 * own, deleted afterwards, since other builds share the broker.
 */
class PairAmqpIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	@RegisterExtension
	@Order(1)
	final BrokerCleanup broker = new BrokerCleanup();

	private final String queue = "switchboard-sample-pair-" + UUID.randomUUID();

	{
		this.broker.queue(this.queue + ".a");
		this.broker.queue(this.queue + ".b");
		this.broker.deadLetters(this.queue);
	}

	@RegisterExtension
	@Order(2)
	final SampleProcesses processes = new SampleProcesses();

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
