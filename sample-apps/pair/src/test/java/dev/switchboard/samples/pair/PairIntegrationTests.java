package dev.switchboard.samples.pair;

import java.time.Duration;

import dev.switchboard.samples.testing.SampleProcess;
import dev.switchboard.samples.testing.SampleProcesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.switchboard.samples.testing.SampleProcesses.freePort;
import static dev.switchboard.samples.testing.SampleProcesses.tcp;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pair sample's jar against the tutorial's plain pyzmq PAIR peer, each end in turn, on
 * a free port per test.
 */
class PairIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	@RegisterExtension
	final SampleProcesses processes = new SampleProcesses();

	private final String endpoint = tcp(freePort());

	@Test
	void bindingEndTalksWithPlainConnectingPeer() {
		talk("bind", "connect");
	}

	@Test
	void connectingEndTalksWithPlainBindingPeer() {
		talk("connect", "bind");
	}

	@Test
	void bothEndsTalkWithEachOther() {
		SampleProcess binding = this.processes.sample("--role=bind", "--message=from bind", "--interval=50ms",
				"--count=3", endpointArgument());
		SampleProcess connecting = this.processes.sample("--role=connect", "--message=from connect",
				"--interval=50ms", "--count=3", endpointArgument());
		assertThat(connecting.awaitExit(TIMEOUT)).as(connecting::describe).isZero();
		assertThat(connecting.stdout()).containsExactly("from bind", "from bind", "from bind");
		assertThat(binding.awaitExit(TIMEOUT)).as(binding::describe).isZero();
		assertThat(binding.stdout()).containsExactly("from connect", "from connect", "from connect");
	}

	private void talk(String role, String pythonMode) {
		SampleProcess peer = this.processes.python("pair_peer.py", this.endpoint, pythonMode, "from Python", "0.2");
		SampleProcess sample = this.processes.sample("--role=" + role, "--message=from Java", "--interval=50ms",
				"--count=3", endpointArgument());
		assertThat(sample.awaitExit(TIMEOUT)).as(sample::describe).isZero();
		assertThat(sample.stdout()).containsExactly("from Python", "from Python", "from Python");
		assertThat(peer.awaitStdoutLines(1, TIMEOUT)).containsOnly("from Java");
	}

	private String endpointArgument() {
		return "--switchboard.channels.pair.zmq.endpoints=" + this.endpoint;
	}

}
