package dev.switchboard.samples.tasks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
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
 * Nothing lost on RabbitMQ when things fail under the tasks sample: a broker restart while
 * the manager sends and a worker consumes, and a worker killed while it holds
 * unacknowledged tasks. Every task is received at least once; duplicates (redeliveries of
 * what was in flight) are counted and printed. The broker is shared with other builds, so
 * the outage is a few seconds and the broker is always started again.
 */
class TasksAmqpRecoveryIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofMinutes(4);

	@RegisterExtension
	@Order(1)
	final BrokerCleanup broker = new BrokerCleanup();

	private final String queue = this.broker.deadLetters(this.broker.queue("switchboard-sample-tasks-" + UUID.randomUUID()));

	@RegisterExtension
	@Order(2)
	final SampleProcesses processes = new SampleProcesses();

	@Test
	void brokerRestartWhileTheManagerSends20000TasksLosesNone() throws Exception {
		int count = 20_000;
		SampleProcess worker = amqp("--role=worker");
		worker.awaitStderrContaining("Worker ready", TIMEOUT);
		SampleProcess manager = amqp("--role=manager", "--interval=1ms", "--count=" + count);
		worker.awaitStdoutLines(count / 10, TIMEOUT);
		rabbitmqctl("stop_app");
		try {
			Thread.sleep(3000);
		}
		finally {
			rabbitmqctl("start_app");
		}
		assertThat(manager.awaitExit(TIMEOUT)).as(manager::describe).isZero();
		assertThat(manager.stderr()).as("the manager's send waited for the connection and published again")
			.contains("sent again after the connection recovered");
		Set<Long> sent = ids(manager.stdout());
		assertThat(sent).as("tasks the manager sent (each send returned)").hasSize(count);
		await().atMost(TIMEOUT).untilAsserted(() -> assertReceivedExactly(sent, worker.stdout()));
		report("broker restart", count, worker.stdout());
	}

	@Test
	void workerKilledWhileHoldingUnacknowledgedTasksLeavesThemToAnotherWorker() throws Exception {
		int count = 100;
		SampleProcess slow = amqp("--role=worker", "--work-time=200ms", "--switchboard.channels.tasks.amqp.prefetch=50");
		slow.awaitStderrContaining("Worker ready", TIMEOUT);
		SampleProcess manager = amqp("--role=manager", "--interval=1ms", "--count=" + count);
		assertThat(manager.awaitExit(TIMEOUT)).as(manager::describe).isZero();
		Set<Long> sent = ids(manager.stdout());
		assertThat(sent).as("tasks the manager sent (each send returned)").hasSize(count);
		slow.awaitStdoutLines(3, TIMEOUT);
		slow.kill();
		List<String> beforeTheKill = slow.stdout();
		System.out.println("The killed worker had printed " + beforeTheKill.size() + " of " + count + " tasks");
		assertThat(beforeTheKill.size()).as("tasks left unacknowledged in the killed worker").isLessThan(count - 40);
		SampleProcess other = amqp("--role=worker");
		await().atMost(TIMEOUT).untilAsserted(() -> assertReceivedExactly(sent,
				Stream.concat(beforeTheKill.stream(), other.stdout().stream()).toList()));
		List<String> all = new ArrayList<>(beforeTheKill);
		all.addAll(other.stdout());
		report("SIGKILL of a worker", count, all);
	}

	private SampleProcess amqp(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--switchboard.transport=amqp", "--switchboard.channels.tasks.amqp.queue=" + this.queue,
				"--switchboard.amqp.recovery-interval=1s"));
		return this.processes.sample(all.toArray(String[]::new));
	}

	/**
	 * The distinct task ids in {@code Sent: <id> - <time>} or {@code Received: <id> - <time>}
	 * lines.
	 */
	private static Set<Long> ids(List<String> lines) {
		return new TreeSet<>(counts(lines).keySet());
	}

	/**
	 * Every task sent was received, and nothing else was: the same ids, not only as many.
	 * Only the differences are printed when they are not, not 20,000 ids.
	 */
	private static void assertReceivedExactly(Set<Long> sent, List<String> receivedLines) {
		Set<Long> received = ids(receivedLines);
		assertThat(difference(sent, received)).as("tasks sent but not (yet) received").isEmpty();
		assertThat(difference(received, sent)).as("tasks received that the manager never reported sent").isEmpty();
	}

	private static Set<Long> difference(Set<Long> from, Set<Long> remove) {
		Set<Long> left = new TreeSet<>(from);
		left.removeAll(remove);
		return left;
	}

	private static Map<Long, Long> counts(List<String> lines) {
		return lines.stream()
			.filter((line) -> line.startsWith("Received: ") || line.startsWith("Sent: "))
			.map((line) -> Long.parseLong(line.substring(line.indexOf(' ') + 1, line.indexOf(" - "))))
			.collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
	}

	private static void report(String fault, int count, List<String> received) {
		Map<Long, Long> duplicates = counts(received).entrySet()
			.stream()
			.filter((entry) -> entry.getValue() > 1)
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
		System.out.println("After a " + fault + ": all " + count + " tasks received, " + duplicates.size()
				+ " of them more than once" + (duplicates.isEmpty() ? "" : " (task id=times: " + duplicates + ")"));
	}

	private static void rabbitmqctl(String command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("rabbitmqctl", "-q", command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("rabbitmqctl " + command + " finished").isTrue();
		assertThat(process.exitValue()).as("rabbitmqctl " + command + ": " + output).isZero();
	}

}
