package dev.switchboard.autoconfigure.health;

import java.util.Map;

import dev.switchboard.autoconfigure.LoopbackBinder;
import dev.switchboard.autoconfigure.SwitchboardAutoConfiguration;
import dev.switchboard.binder.Binder;
import dev.switchboard.binder.BinderState;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class SwitchboardHealthAutoConfigurationTests {

	private final LoopbackBinder zmq = new LoopbackBinder("zmq");

	private final LoopbackBinder amqp = new LoopbackBinder("amqp");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(SwitchboardAutoConfiguration.class, SwitchboardHealthAutoConfiguration.class))
		.withBean("zmqBinder", Binder.class, () -> this.zmq)
		.withBean("amqpBinder", Binder.class, () -> this.amqp);

	@Test
	void autoConfigurationProvidesTheSwitchboardHealthIndicator() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(SwitchboardHealthIndicator.class)
			.hasBean("switchboardHealthIndicator"));
	}

	@Test
	void healthIsUpWithEachBindersDetailsWhenEveryBinderIsUp() {
		this.contextRunner.run((context) -> {
			Health health = context.getBean(SwitchboardHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsOnlyKeys("zmq", "amqp");
			assertThat(health.getDetails().get("zmq")).isEqualTo(Map.of("status", "UP", "loopback", true));
		});
	}

	@Test
	void healthIsDownWithTheReasonWhenABinderIsDown() {
		this.amqp.setState(BinderState.down("the consumer connection to RabbitMQ is down: connection refused",
				Map.of("connections", Map.of("consumer", "down"))));
		this.contextRunner.run((context) -> {
			Health health = context.getBean(SwitchboardHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails().get("reason"))
				.isEqualTo("amqp: the consumer connection to RabbitMQ is down: connection refused");
			assertThat(health.getDetails().get("zmq")).isEqualTo(Map.of("status", "UP", "loopback", true));
		});
	}

	@Test
	void autoConfigurationBacksOffWhenTheIndicatorIsDisabled() {
		this.contextRunner.withPropertyValues("management.health.switchboard.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SwitchboardHealthIndicator.class));
	}

	@Test
	void autoConfigurationBacksOffWithoutBootHealth() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SwitchboardHealthIndicator.class));
	}

	@Test
	void autoConfigurationBacksOffWhenUserProvidesTheIndicator() {
		this.contextRunner
			.withBean("switchboardHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build())
			.run((context) -> assertThat(context).doesNotHaveBean(SwitchboardHealthIndicator.class));
	}

}
