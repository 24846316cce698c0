package dev.switchboard.autoconfigure.zmq;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.switchboard.autoconfigure.AbstractObservabilityIntegrationTests;
import dev.switchboard.autoconfigure.SwitchboardAutoConfiguration;
import dev.switchboard.autoconfigure.health.SwitchboardHealthIndicator;
import dev.switchboard.core.SwitchboardOperations;
import dev.switchboard.zmq.ZmqSocketCustomizer;
import org.junit.jupiter.api.Test;
import org.zeromq.ZMQ;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.util.TestSocketUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tracing, pausing, health and the endpoint over ZeroMQ with envelope framing, each
 * application with sockets of its own on free TCP ports.
 */
class ZmqObservabilityIntegrationTests extends AbstractObservabilityIntegrationTests {

	private final String echo = "tcp://127.0.0.1:" + TestSocketUtils.findAvailableTcpPort();

	private final String tasks = "tcp://127.0.0.1:" + TestSocketUtils.findAvailableTcpPort();

	@Override
	protected ApplicationContextRunner transport() {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(SwitchboardAutoConfiguration.class, SwitchboardZmqAutoConfiguration.class))
			.withPropertyValues("switchboard.channels.echo.pattern=request-reply",
					"switchboard.channels.echo.zmq.endpoints=" + this.echo, "switchboard.channels.tasks.pattern=pipeline",
					"switchboard.channels.tasks.zmq.endpoints=" + this.tasks,
					"switchboard.channels.tasks.zmq.receive-high-water-mark=10");
	}

	@Override
	protected boolean pausedWorkersMessagesGoToOthers() {
		return false;
	}

	@Override
	protected String transportTag() {
		return "zmq";
	}

	@Override
	protected String messagingSystem() {
		return "zeromq";
	}

	@Override
	protected void assertDescribesAddresses(Map<String, Object> binding) {
		assertThat(binding).containsEntry("endpoints", List.of(this.echo)).containsKeys("socket", "mode",
				"connectedPeers");
	}

	@Test
	void healthIsDownWithTheReasonWhenTheIoThreadOfASocketStops() {
		Map<String, ZMQ.Socket> sockets = new ConcurrentHashMap<>();
		application().withUserConfiguration(Echo.class)
			.withBean(ZmqSocketCustomizer.class, () -> sockets::put)
			.run((context) -> {
				SwitchboardHealthIndicator indicator = context.getBean(SwitchboardHealthIndicator.class);
				assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
				// Closing the socket under its I/O thread makes the thread's next call on it
				// fail, as an unexpected error would: the thread logs it and stops.
				sockets.get("echo").close();
				await().atMost(TIMEOUT).untilAsserted(() -> {
					Health down = indicator.health();
					assertThat(down.getStatus()).isEqualTo(Status.DOWN);
					assertThat(down.getDetails().get("reason")).asString()
						.startsWith("zmq: the ZeroMQ I/O thread of channel(s) [echo] stopped");
				});
			});
	}

	@Test
	void healthListsEachBindingsSocketEndpointsAndConnectedPeers() {
		application().withUserConfiguration(Echo.class).run((server) -> application().run((client) -> {
			client.getBean(SwitchboardOperations.class).request("echo", "hi", String.class);
			Health health = server.getBean(SwitchboardHealthIndicator.class).health();
			@SuppressWarnings("unchecked")
			Map<String, Object> zmq = (Map<String, Object>) health.getDetails().get("zmq");
			assertThat(zmq).containsEntry("status", "UP");
			assertThat(zmq.get("bindings")).isEqualTo(Map.of("echo", List.of(Map.of("socket", "ROUTER", "mode", "bind",
					"endpoints", List.of(this.echo), "connectedPeers", 1, "running", true, "paused", false))));
		}));
	}

}
