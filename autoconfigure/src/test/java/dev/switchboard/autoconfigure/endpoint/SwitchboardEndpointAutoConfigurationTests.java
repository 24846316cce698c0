package dev.switchboard.autoconfigure.endpoint;

import java.util.Map;

import dev.switchboard.annotation.MessageListener;
import dev.switchboard.autoconfigure.LoopbackBinder;
import dev.switchboard.autoconfigure.SwitchboardAutoConfiguration;
import dev.switchboard.autoconfigure.endpoint.SwitchboardEndpoint.ChannelDescriptor;
import dev.switchboard.autoconfigure.endpoint.SwitchboardEndpoint.ListenerDescriptor;
import dev.switchboard.binder.Binder;
import dev.switchboard.core.SwitchboardOperations;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SwitchboardEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(SwitchboardAutoConfiguration.class, SwitchboardEndpointAutoConfiguration.class))
		.withBean(Binder.class, () -> new LoopbackBinder("zmq"))
		.withUserConfiguration(Worker.class)
		.withPropertyValues("switchboard.channels.tasks.pattern=pipeline", "switchboard.channels.echo.pattern=request-reply",
				"management.endpoints.web.exposure.include=switchboard");

	@Test
	void autoConfigurationProvidesTheEndpointWhenItIsExposed() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(SwitchboardEndpoint.class));
	}

	@Test
	void autoConfigurationBacksOffWhenTheEndpointIsNotExposed() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=health")
			.run((context) -> assertThat(context).doesNotHaveBean(SwitchboardEndpoint.class));
	}

	@Test
	void listsEveryChannelWithItsCountsSenderAndListeners() {
		this.contextRunner.run((context) -> {
			context.getBean(SwitchboardOperations.class).send("tasks", "one");
			Map<String, ChannelDescriptor> channels = context.getBean(SwitchboardEndpoint.class).channels().channels();
			assertThat(channels).containsOnlyKeys("tasks", "echo");
			ChannelDescriptor tasks = channels.get("tasks");
			assertThat(tasks.pattern()).isEqualTo("pipeline");
			assertThat(tasks.transport()).isEqualTo("zmq");
			assertThat(tasks.counts().sent()).isEqualTo(1);
			assertThat(tasks.counts().received()).isEqualTo(1);
			assertThat(tasks.sender()).isEqualTo(Map.of("loopback", "tasks"));
			assertThat(tasks.listeners()).singleElement().satisfies((listener) -> {
				assertThat(listener.id()).isEqualTo("worker");
				assertThat(listener.state()).isEqualTo("running");
				assertThat(listener.binding()).isEqualTo(Map.of("loopback", "tasks"));
			});
			assertThat(channels.get("echo").sender()).isNull();
			assertThat(channels.get("echo").listeners()).isEmpty();
			SwitchboardEndpoint endpoint = context.getBean(SwitchboardEndpoint.class);
			assertThat(endpoint.channel("tasks")).isEqualTo(endpoint.channels().channels().get("tasks"));
			assertThat(endpoint.channel("nowhere")).isNull();
		});
	}

	@Test
	void pausedListenerReceivesNothingUntilResumed() {
		this.contextRunner.run((context) -> {
			SwitchboardEndpoint endpoint = context.getBean(SwitchboardEndpoint.class);
			SwitchboardOperations switchboard = context.getBean(SwitchboardOperations.class);
			Worker worker = context.getBean(Worker.class);
			assertThat(endpoint.setState("worker", "paused").listeners()).extracting(ListenerDescriptor::state)
				.containsExactly("paused");
			switchboard.send("tasks", "while paused");
			assertThat(worker.received).isZero();
			assertThat(endpoint.setState("tasks", "running").listeners()).extracting(ListenerDescriptor::state)
				.containsExactly("running");
			switchboard.send("tasks", "after resume");
			assertThat(worker.received).isOne();
		});
	}

	@Test
	void unknownListenerAndUnknownStateAreRejected() {
		this.contextRunner.run((context) -> {
			SwitchboardEndpoint endpoint = context.getBean(SwitchboardEndpoint.class);
			assertThatExceptionOfType(InvalidEndpointRequestException.class)
				.isThrownBy(() -> endpoint.setState("nobody", "paused"))
				.withMessageContaining("nobody");
			assertThatExceptionOfType(InvalidEndpointRequestException.class)
				.isThrownBy(() -> endpoint.setState("worker", "asleep"));
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class Worker {

		volatile int received;

		@MessageListener(id = "worker", channel = "tasks")
		void work(String task) {
			this.received++;
		}

	}

}
