package dev.switchboard.autoconfigure;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import dev.switchboard.annotation.MessageListener;
import dev.switchboard.autoconfigure.endpoint.SwitchboardEndpoint;
import dev.switchboard.autoconfigure.endpoint.SwitchboardEndpoint.ChannelDescriptor;
import dev.switchboard.autoconfigure.endpoint.SwitchboardEndpointAutoConfiguration;
import dev.switchboard.autoconfigure.health.SwitchboardHealthAutoConfiguration;
import dev.switchboard.autoconfigure.health.SwitchboardHealthIndicator;
import dev.switchboard.autoconfigure.metrics.SwitchboardMetricsAutoConfiguration;
import dev.switchboard.autoconfigure.observation.SwitchboardObservationAutoConfiguration;
import dev.switchboard.core.SwitchboardOperations;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What operators rely on, run on a real transport with each application in a context of
 * its own: a request-reply between two applications is one trace, meters have the same
 * names and low-cardinality tags on every transport, a paused worker receives nothing,
 * health and the endpoint report the transport's addresses.
 */
public abstract class AbstractObservabilityIntegrationTests {

	protected static final Duration TIMEOUT = Duration.ofSeconds(30);

	/**
	 * A context runner for one application on the transport under test, with the
	 * {@code echo} (request-reply) and {@code tasks} (pipeline) channels defined.
	 * @return the runner
	 */
	protected abstract ApplicationContextRunner transport();

	/**
	 * Whether a paused worker's messages go to the other workers (a broker requeues them),
	 * rather than waiting for the paused worker to resume.
	 * @return {@code true} for a broker
	 */
	protected abstract boolean pausedWorkersMessagesGoToOthers();

	/**
	 * Check that a binding's description names where it is attached on the transport.
	 * @param binding the description
	 */
	protected abstract void assertDescribesAddresses(Map<String, Object> binding);

	/**
	 * The transport under test as meters tag it.
	 * @return {@code zmq} or {@code amqp}
	 */
	protected abstract String transportTag();

	/**
	 * The {@code messaging.system} of the transport under test.
	 * @return {@code zeromq} or {@code rabbitmq}
	 */
	protected abstract String messagingSystem();

	protected final ApplicationContextRunner application() {
		return transport()
			.withConfiguration(AutoConfigurations.of(SwitchboardObservationAutoConfiguration.class,
					SwitchboardHealthAutoConfiguration.class, SwitchboardEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=switchboard");
	}

	@Test
	void requestReplyBetweenTwoApplicationsIsOneTrace() {
		SimpleTracer serverTracer = new SimpleTracer();
		SimpleTracer clientTracer = new SimpleTracer();
		application().withUserConfiguration(Echo.class)
			.withBean(ObservationRegistry.class, () -> W3cTestPropagator.registry(serverTracer))
			.run((server) -> application()
				.withBean(ObservationRegistry.class, () -> W3cTestPropagator.registry(clientTracer))
				.run((client) -> {
					assertThat(client.getBean(SwitchboardOperations.class).request("echo", "hi", String.class))
						.isEqualTo("Echo: hi");
					await().atMost(TIMEOUT).untilAsserted(() -> {
						assertThat(clientTracer.getSpans()).hasSize(1);
						assertThat(serverTracer.getSpans()).hasSize(1);
					});
					SimpleSpan request = clientTracer.getSpans().peekFirst();
					SimpleSpan processing = serverTracer.getSpans().peekFirst();
					assertThat(request.getName()).isEqualTo("echo publish");
					assertThat(processing.getName()).isEqualTo("echo process");
					assertThat(processing.context().traceId()).isEqualTo(request.context().traceId());
					assertThat(processing.context().parentId()).isEqualTo(request.context().spanId());
					assertThat(processing.getTags()).containsEntry("messaging.destination.name", "echo")
						.containsEntry("messaging.system", messagingSystem());
					assertThat(request.getTags()).containsEntry("messaging.system", messagingSystem());
				}));
	}

	@Test
	void metersHaveTheSameNamesOnEveryTransportTaggedWithItAndNeverWithATopic() {
		ApplicationContextRunner metered = application()
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
					SwitchboardMetricsAutoConfiguration.class));
		metered.withUserConfiguration(Echo.class).run((server) -> metered.run((client) -> {
			assertThat(client.getBean(SwitchboardOperations.class).request("echo", "hi", String.class))
				.isEqualTo("Echo: hi");
			MeterRegistry clientMeters = client.getBean(MeterRegistry.class);
			MeterRegistry serverMeters = server.getBean(MeterRegistry.class);
			assertThat(clientMeters.get("switchboard.messages").tags(echoTags("sent")).functionCounter().count())
				.isEqualTo(1);
			// the round trip is timed before the caller sees the reply (ReplyFutures)
			assertThat(clientMeters.get("switchboard.request").tags(echoTags("success")).timer().count()).isEqualTo(1);
			await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
					serverMeters.get("switchboard.handler").tags(echoTags("success")).timer().count())
				.isEqualTo(1));
			assertThat(serverMeters.get("switchboard.messages").tags(echoTags("received")).functionCounter().count())
				.isEqualTo(1);
			for (MeterRegistry registry : List.of(clientMeters, serverMeters)) {
				assertThat(registry.find("switchboard.messages").functionCounters()).isNotEmpty();
				assertThat(registry.getMeters()).filteredOn((meter) -> meter.getId().getName().startsWith("switchboard."))
					.isNotEmpty()
					.allSatisfy((meter) -> {
						assertThat(meter.getId().getTag("transport")).as(meter.getId().toString())
							.isEqualTo(transportTag());
						assertThat(meter.getId().getTags()).as(meter.getId().toString())
							.extracting(Tag::getKey)
							.doesNotContain("topic")
							.isSubsetOf("channel", "pattern", "transport", "outcome");
					});
			}
		}));
	}

	private String[] echoTags(String outcome) {
		return new String[] { "channel", "echo", "pattern", "request-reply", "transport", transportTag(), "outcome",
				outcome };
	}

	@Test
	void pausedWorkerReceivesNothingUntilResumedWhileTheOtherWorkerGoesOn() {
		application().withUserConfiguration(Worker.class).run((first) -> application().withUserConfiguration(Worker.class)
			.run((second) -> application().run((producer) -> {
				SwitchboardOperations switchboard = producer.getBean(SwitchboardOperations.class);
				Worker paused = first.getBean(Worker.class);
				Worker running = second.getBean(Worker.class);
				AtomicInteger warmUps = new AtomicInteger();
				await().atMost(TIMEOUT).untilAsserted(() -> {
					switchboard.send("tasks", "warm-up " + warmUps.incrementAndGet());
					assertThat(paused.tasks).isNotEmpty();
					assertThat(running.tasks).isNotEmpty();
				});
				await().atMost(TIMEOUT)
					.untilAsserted(() -> assertThat(paused.tasks.size() + running.tasks.size()).isEqualTo(warmUps.get()));
				SwitchboardEndpoint endpoint = first.getBean(SwitchboardEndpoint.class);
				assertThat(endpoint.setState("worker", "paused").listeners().get(0).state()).isEqualTo("paused");
				int before = paused.tasks.size();
				List<String> tasks = IntStream.rangeClosed(1, 50).mapToObj((i) -> "task " + i).toList();
				tasks.forEach((task) -> switchboard.send("tasks", task));
				if (pausedWorkersMessagesGoToOthers()) {
					await().atMost(TIMEOUT).untilAsserted(() -> assertThat(running.tasks).containsAll(tasks));
				}
				else {
					await().atMost(TIMEOUT).untilAsserted(() -> assertThat(running.tasks).containsAnyElementsOf(tasks));
				}
				await().during(Duration.ofMillis(500)).atMost(TIMEOUT)
					.untilAsserted(() -> assertThat(paused.tasks).hasSize(before));
				endpoint.setState("worker", "running");
				List<String> more = IntStream.rangeClosed(1, 50).mapToObj((i) -> "more " + i).toList();
				more.forEach((task) -> switchboard.send("tasks", task));
				await().atMost(TIMEOUT).untilAsserted(() -> {
					Set<String> all = new HashSet<>(paused.tasks);
					all.addAll(running.tasks);
					assertThat(all).containsAll(tasks).containsAll(more);
					assertThat(paused.tasks).containsAnyElementsOf(more);
				});
			})));
	}

	@Test
	void healthAndEndpointReportWhereEachBindingIsAttached() {
		application().withUserConfiguration(Echo.class).run((server) -> application().run((client) -> {
			client.getBean(SwitchboardOperations.class).request("echo", "hi", String.class);
			Health health = server.getBean(SwitchboardHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			ChannelDescriptor echo = server.getBean(SwitchboardEndpoint.class).channels().channels().get("echo");
			assertThat(echo.counts().received()).isEqualTo(1);
			assertThat(echo.listeners()).singleElement().satisfies((listener) -> {
				assertThat(listener.state()).isEqualTo("running");
				assertDescribesAddresses(listener.binding());
			});
			ChannelDescriptor called = client.getBean(SwitchboardEndpoint.class).channels().channels().get("echo");
			assertThat(called.counts().sent()).isEqualTo(1);
			assertThat(called.sender()).isNotNull();
			assertDescribesAddresses(called.sender());
		}));
	}

	@Configuration(proxyBeanMethods = false)
	public static class Echo {

		@MessageListener("echo")
		String echo(String text) {
			return "Echo: " + text;
		}

	}

	@Configuration(proxyBeanMethods = false)
	public static class Worker {

		final Queue<String> tasks = new ConcurrentLinkedQueue<>();

		@MessageListener(id = "worker", channel = "tasks")
		void work(String task) {
			this.tasks.add(task);
		}

	}

}
