package dev.switchboard.samples.echo;

import java.time.Duration;

import dev.switchboard.samples.testing.SampleProcess;
import dev.switchboard.samples.testing.SampleProcesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.switchboard.samples.testing.SampleProcesses.freePort;
import static dev.switchboard.samples.testing.SampleProcesses.tcp;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The echo sample's jar against the tutorial's plain pyzmq REQ client and REP server, on a
 * free port per test.
 */
class EchoIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	@RegisterExtension
	final SampleProcesses processes = new SampleProcesses();

	private final String endpoint = tcp(freePort());

	@Test
	void serverAnswersPlainReqClient() {
		SampleProcess server = this.processes.sample("--role=server", endpointArgument());
		SampleProcess client = this.processes.python("req_client.py", this.endpoint, "Hello from Python");
		assertThat(client.awaitExit(TIMEOUT)).as(client::describe).isZero();
		assertThat(client.stdout()).containsExactly("Echo: Hello from Python");
		assertThat(server.awaitStdoutLines(1, TIMEOUT)).containsExactly("Received request: Hello from Python");
	}

	@Test
	void clientCallsPlainRepServerAndPrintsOnlyTheReply() {
		this.processes.python("rep_server.py", this.endpoint);
		SampleProcess client = this.processes.sample("--role=client", "--message=Hello from Java", endpointArgument(),
				"--switchboard.channels.echo.request-timeout=60s");
		assertThat(client.awaitExit(TIMEOUT)).as(client::describe).isZero();
		assertThat(client.stdout()).containsExactly("Echo: Hello from Java");
	}

	@Test
	void clientCallsServer() {
		this.processes.sample("--role=server", endpointArgument());
		SampleProcess client = this.processes.sample("--role=client", "--message=Hi", endpointArgument(),
				"--switchboard.channels.echo.request-timeout=60s");
		assertThat(client.awaitExit(TIMEOUT)).as(client::describe).isZero();
		assertThat(client.stdout()).containsExactly("Echo: Hi");
	}

	@Test
	void clientWithoutServerExitsNonZeroSayingItTimedOut() {
		SampleProcess client = this.processes.sample("--role=client", "--message=anyone?", endpointArgument(),
				"--switchboard.channels.echo.request-timeout=1s");
		assertThat(client.awaitExit(TIMEOUT)).as(client::describe).isNotZero();
		assertThat(client.stdout()).isEmpty();
		assertThat(client.stderr()).containsIgnoringCase("timed out");
	}

	@Test
	void demoRunsServerAndClientInOneProcessAndExits() {
		SampleProcess demo = this.processes.sample("--role=demo", endpointArgument());
		assertThat(demo.awaitExit(TIMEOUT)).as(demo::describe).isZero();
		assertThat(demo.stdout()).filteredOn((line) -> line.startsWith("Reply: "))
			.containsExactly("Reply: Echo: Hello from Switchboard #1", "Reply: Echo: Hello from Switchboard #2",
					"Reply: Echo: Hello from Switchboard #3");
	}

	@Test
	void unknownRoleFailsAtStartupNamingTheRoles() {
		SampleProcess sample = this.processes.sample("--role=nonsense", endpointArgument());
		assertThat(sample.awaitExit(TIMEOUT)).as(sample::describe).isNotZero();
		assertThat(sample.stderr()).contains("--role=server");
	}

	private String endpointArgument() {
		return "--switchboard.channels.echo.zmq.endpoints=" + this.endpoint;
	}

}
