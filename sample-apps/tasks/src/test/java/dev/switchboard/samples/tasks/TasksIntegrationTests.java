package dev.switchboard.samples.tasks;

import java.time.Duration;
import java.util.List;

import dev.switchboard.samples.testing.SampleProcess;
import dev.switchboard.samples.testing.SampleProcesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.switchboard.samples.testing.SampleProcesses.freePort;
import static dev.switchboard.samples.testing.SampleProcesses.tcp;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tasks sample's jar against the tutorial's plain pyzmq PUSH manager and PULL worker,
 * on a free port per test.
 */
class TasksIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	@RegisterExtension
	final SampleProcesses processes = new SampleProcesses();

	private final String endpoint = tcp(freePort());

	@Test
	void managerHandsEveryTaskToPlainPullWorker() {
		SampleProcess worker = this.processes.python("pull_worker.py", this.endpoint, "5");
		SampleProcess manager = this.processes.sample("--role=manager", "--interval=300ms", "--count=5",
				endpointArgument());
		assertThat(worker.awaitExit(TIMEOUT)).as(worker::describe).isZero();
		assertThat(ids(worker.stdout())).containsExactly("1", "2", "3", "4", "5");
		assertThat(manager.awaitExit(TIMEOUT)).as(manager::describe).isZero();
		assertThat(ids(manager.stdout())).containsExactly("1", "2", "3", "4", "5");
	}

	@Test
	void managerStartedBeforeAnyWorkerExitsOnlyOnceAWorkerHasTakenEveryTask() {
		SampleProcess manager = this.processes.sample("--role=manager", "--interval=100ms", "--count=3",
				endpointArgument());
		assertThat(ids(manager.awaitStdoutLines(3, TIMEOUT))).containsExactly("1", "2", "3");
		assertThat(manager.isAlive()).as("the manager still holds its tasks: " + manager.describe()).isTrue();
		SampleProcess worker = this.processes.python("pull_worker.py", this.endpoint, "3");
		assertThat(worker.awaitExit(TIMEOUT)).as(worker::describe).isZero();
		assertThat(ids(worker.stdout())).containsExactly("1", "2", "3");
		assertThat(manager.awaitExit(TIMEOUT)).as(manager::describe).isZero();
	}

	@Test
	void workerTakesTasksFromPlainPushManager() {
		SampleProcess manager = this.processes.python("push_manager.py", this.endpoint, "5");
		SampleProcess worker = this.processes.sample("--role=worker", endpointArgument());
		List<String> received = worker.awaitStdoutLines(5, TIMEOUT);
		assertThat(ids(received)).containsExactly("1", "2", "3", "4", "5");
		assertThat(manager.awaitExit(TIMEOUT)).as(manager::describe).isZero();
	}

	@Test
	void managerFeedsWorker() {
		SampleProcess worker = this.processes.sample("--role=worker", endpointArgument());
		worker.awaitStderrContaining("Worker ready", TIMEOUT);
		SampleProcess manager = this.processes.sample("--role=manager", "--interval=300ms", "--count=3",
				endpointArgument());
		assertThat(manager.awaitExit(TIMEOUT)).as(manager::describe).isZero();
		assertThat(ids(worker.awaitStdoutLines(3, TIMEOUT))).containsExactly("1", "2", "3");
	}

	/**
	 * The ids of lines like {@code Received: 3 - 12:00:01}.
	 */
	private static List<String> ids(List<String> lines) {
		return lines.stream().map((line) -> line.replaceFirst("^(Sent|Received): (\\d+) - .*$", "$2")).toList();
	}

	private String endpointArgument() {
		return "--switchboard.channels.tasks.zmq.endpoints=" + this.endpoint;
	}

}
