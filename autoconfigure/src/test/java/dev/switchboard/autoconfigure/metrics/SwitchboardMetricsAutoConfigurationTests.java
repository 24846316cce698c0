package dev.switchboard.autoconfigure.metrics;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.switchboard.RequestTimeoutException;
import dev.switchboard.annotation.MessageListener;
import dev.switchboard.autoconfigure.LoopbackBinder;
import dev.switchboard.autoconfigure.SwitchboardAutoConfiguration;
import dev.switchboard.binder.Binder;
import dev.switchboard.core.ChannelRegistry;
import dev.switchboard.core.SwitchboardOperations;
import dev.switchboard.support.micrometer.ChannelMetrics;
import dev.switchboard.support.micrometer.MetricsBindingInterceptor;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SwitchboardMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				SwitchboardAutoConfiguration.class, SwitchboardMetricsAutoConfiguration.class))
		.withBean(Binder.class, () -> new LoopbackBinder("zmq"))
		.withPropertyValues("switchboard.channels.echo.pattern=request-reply",
				"switchboard.channels.tasks.pattern=pipeline",
				"switchboard.channels.tasks.retry.initial-interval=1ms",
				"switchboard.channels.tasks.retry.max-interval=1ms");

	@Test
	void autoConfigurationProvidesChannelMetricsAndTheTimingInterceptor() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ChannelMetrics.class);
			assertThat(context).hasSingleBean(MetricsBindingInterceptor.class);
		});
	}

	@Test
	void everyChannelHasOneMessagesCounterPerOutcomeTaggedWithChannelPatternAndTransport() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find("switchboard.messages")
				.tags("channel", "tasks", "pattern", "pipeline", "transport", "zmq")
				.functionCounters()).map((counter) -> counter.getId().getTag("outcome"))
				.containsExactlyInAnyOrder("sent", "received", "failed", "retried", "dead-lettered", "malformed",
						"dropped");
			assertThat(registry.find("switchboard.requests.timed.out").tag("channel", "echo").functionCounter())
				.isNotNull();
			assertThat(registry.find("switchboard.peers.rejected").tag("channel", "echo").functionCounter()).isNotNull();
		});
	}

	@Test
	void countersReadTheChannelStatistics() {
		this.contextRunner.run((context) -> {
			context.getBean(SwitchboardOperations.class).send("tasks", "one");
			context.getBean(SwitchboardOperations.class).send("tasks", "two");
			FunctionCounter sent = context.getBean(MeterRegistry.class)
				.get("switchboard.messages")
				.tags("channel", "tasks", "outcome", "sent")
				.functionCounter();
			assertThat(sent.count()).isEqualTo(2);
		});
	}

	@Test
	void handlerAndRoundTripAreTimedWithTheirOutcome() {
		this.contextRunner.withUserConfiguration(Listeners.class).run((context) -> {
			SwitchboardOperations switchboard = context.getBean(SwitchboardOperations.class);
			assertThat(switchboard.request("echo", "hi", String.class)).isEqualTo("Echo: hi");
			assertThatException().isThrownBy(() -> switchboard.request("echo", "fail", String.class));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(timer(registry, "switchboard.handler", "success").count()).isEqualTo(1);
			assertThat(timer(registry, "switchboard.handler", "error").count()).isEqualTo(1);
			assertThat(timer(registry, "switchboard.request", "success").count()).isEqualTo(1);
			assertThat(timer(registry, "switchboard.request", "error").count()).isEqualTo(1);
			assertThat(timer(registry, "switchboard.request", "success").totalTime(TimeUnit.NANOSECONDS))
				.isPositive();
		});
	}

	@Test
	void aRequestNobodyAnswersIsTimedAsATimeoutAndCounted() {
		this.contextRunner.withPropertyValues("switchboard.channels.echo.request-timeout=50ms").run((context) -> {
			assertThatExceptionOfType(RequestTimeoutException.class)
				.isThrownBy(() -> context.getBean(SwitchboardOperations.class).request("echo", "hi", String.class));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			Timer timeout = timer(registry, "switchboard.request", "timeout");
			assertThat(timeout.count()).isEqualTo(1);
			assertThat(timeout.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(40);
			assertThat(registry.find("switchboard.request").tag("outcome", "success").timer()).isNull();
		});
	}

	@Test
	void aPipelineListenerThatThrowsIsTimedAsAnError() {
		this.contextRunner.withUserConfiguration(Listeners.class).run((context) -> {
			SwitchboardOperations switchboard = context.getBean(SwitchboardOperations.class);
			switchboard.send("tasks", "fine");
			switchboard.send("tasks", "fail");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("switchboard.handler").tags("channel", "tasks", "outcome", "success").timer().count())
				.isEqualTo(1);
			assertThat(registry.get("switchboard.handler").tags("channel", "tasks", "outcome", "error").timer().count())
				.isEqualTo(1);
			assertThat(messages(registry, "failed").count()).isEqualTo(1);
			assertThat(messages(registry, "retried").count()).isEqualTo(2);
			assertThat(messages(registry, "dead-lettered").count()).isEqualTo(1);
			assertThat(((LoopbackBinder) context.getBean(Binder.class)).getDeadLetters()).singleElement()
				.satisfies((deadLetter) -> assertThat(deadLetter.attempts()).isEqualTo(3));
		});
	}

	@Test
	void autoConfigurationBacksOffWithoutAMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(SwitchboardAutoConfiguration.class, SwitchboardMetricsAutoConfiguration.class))
			.withBean(Binder.class, () -> new LoopbackBinder("zmq"))
			.run((context) -> assertThat(context).doesNotHaveBean(ChannelMetrics.class)
				.doesNotHaveBean(MetricsBindingInterceptor.class));
	}

	@Test
	void autoConfigurationBacksOffWithoutMicrometer() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(SwitchboardAutoConfiguration.class, SwitchboardMetricsAutoConfiguration.class))
			.withBean(Binder.class, () -> new LoopbackBinder("zmq"))
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ChannelMetrics.class));
	}

	@Test
	void autoConfigurationBacksOffWhenUserProvidesChannelMetrics() {
		ChannelMetrics mine = new ChannelMetrics(new ChannelRegistry(List.of()));
		this.contextRunner.withBean(ChannelMetrics.class, () -> mine)
			.run((context) -> assertThat(context.getBean(ChannelMetrics.class)).isSameAs(mine));
	}

	private static FunctionCounter messages(MeterRegistry registry, String outcome) {
		return registry.get("switchboard.messages").tags("channel", "tasks", "outcome", outcome).functionCounter();
	}

	private static Timer timer(MeterRegistry registry, String name, String outcome) {
		return registry.get(name)
			.tags("channel", "echo", "pattern", "request-reply", "transport", "zmq", "outcome", outcome)
			.timer();
	}

	@Configuration(proxyBeanMethods = false)
	static class Listeners {

		@MessageListener("echo")
		String echo(String text) {
			if (text.equals("fail")) {
				throw new IllegalStateException("failing on purpose");
			}
			return "Echo: " + text;
		}

		@MessageListener("tasks")
		void work(String task) {
			if (task.equals("fail")) {
				throw new IllegalStateException("failing on purpose");
			}
		}

	}

}
