package dev.switchboard.samples.tasks;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dev.switchboard.samples.testing.BrokerCleanup;
import dev.switchboard.samples.testing.SampleProcess;
import dev.switchboard.samples.testing.SampleProcesses;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tasks sample's jar on RabbitMQ (127.0.0.1:5672) with a plain pika producer. Each test
 * has a queue of its own, deleted afterwards, since other builds share the broker.
 */
class TasksAmqpIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	@RegisterExtension
	@Order(1)
	final BrokerCleanup broker = new BrokerCleanup();

	private final String queue = this.broker.deadLetters(this.broker.queue("switchboard-sample-tasks-" + UUID.randomUUID()));

	@RegisterExtension
	@Order(2)
	final SampleProcesses processes = new SampleProcesses();

	@Test
	void workerConsumesPersistentTasksPikaPutOnTheQueueBeforeItStarted() {
		SampleProcess producer = this.processes.python("pika_producer.py", this.queue, "5");
		assertThat(producer.awaitExit(TIMEOUT)).as(producer::describe).isZero();
		SampleProcess worker = this.processes.sample("--role=worker", "--switchboard.transport=amqp", queueArgument());
		assertThat(worker.awaitStdoutLines(5, TIMEOUT)).containsExactly("Received: 1 - task", "Received: 2 - task",
				"Received: 3 - task", "Received: 4 - task", "Received: 5 - task");
	}

	@Test
	void managerHandsEachTaskToExactlyOneOfTwoWorkers() {
		SampleProcess first = this.processes.sample("--role=worker", "--switchboard.transport=amqp", queueArgument());
		SampleProcess second = this.processes.sample("--role=worker", "--switchboard.transport=amqp", queueArgument());
		SampleProcess manager = this.processes.sample("--role=manager", "--interval=20ms", "--count=10",
				"--switchboard.transport=amqp", queueArgument());
		assertThat(manager.awaitExit(TIMEOUT)).as(manager::describe).isZero();
		List<String> expected = manager.stdout().stream().map((line) -> line.replace("Sent: ", "Received: ")).toList();
		assertThat(expected).hasSize(10);
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(Stream.concat(first.stdout().stream(), second.stdout().stream()))
				.containsExactlyInAnyOrderElementsOf(expected));
	}

	private String queueArgument() {
		return "--switchboard.channels.tasks.amqp.queue=" + this.queue;
	}

}
