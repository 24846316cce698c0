package dev.switchboard.autoconfigure.observation;

import java.util.List;

import dev.switchboard.annotation.MessageListener;
import dev.switchboard.autoconfigure.LoopbackBinder;
import dev.switchboard.autoconfigure.SwitchboardAutoConfiguration;
import dev.switchboard.autoconfigure.W3cTestPropagator;
import dev.switchboard.binder.Binder;
import dev.switchboard.core.SwitchboardOperations;
import dev.switchboard.core.WireMessage;
import dev.switchboard.support.micrometer.ObservationBindingInterceptor;
import dev.switchboard.support.micrometer.SwitchboardReceiverContext;
import dev.switchboard.support.micrometer.SwitchboardSenderContext;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class SwitchboardObservationAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SwitchboardAutoConfiguration.class,
				SwitchboardObservationAutoConfiguration.class))
		.withBean(Binder.class, () -> new LoopbackBinder("amqp"))
		.withBean(ObservationRegistry.class, TestObservationRegistry::create)
		.withPropertyValues("switchboard.channels.echo.pattern=request-reply", "switchboard.transport=amqp");

	@Test
	void autoConfigurationProvidesTheObservationInterceptor() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(ObservationBindingInterceptor.class));
	}

	@Test
	void requestAndHandlingAreObservedWithOpenTelemetryMessagingKeys() {
		this.contextRunner.withUserConfiguration(Echo.class).run((context) -> {
			context.getBean(SwitchboardOperations.class).request("echo", "hi", String.class);
			TestObservationRegistry registry = (TestObservationRegistry) context.getBean(ObservationRegistry.class);
			TestObservationRegistryAssert.assertThat(registry)
				.hasObservationWithNameEqualTo("switchboard.send")
				.that()
				.isInstanceOf(SwitchboardSenderContext.class)
				.hasContextualNameEqualTo("echo publish")
				.hasLowCardinalityKeyValue("messaging.system", "rabbitmq")
				.hasLowCardinalityKeyValue("messaging.destination.name", "echo")
				.hasLowCardinalityKeyValue("messaging.operation", "publish")
				.hasBeenStarted()
				.hasBeenStopped();
			TestObservationRegistryAssert.assertThat(registry)
				.hasObservationWithNameEqualTo("switchboard.process")
				.that()
				.isInstanceOf(SwitchboardReceiverContext.class)
				.hasLowCardinalityKeyValue("messaging.operation", "process")
				.hasLowCardinalityKeyValue("messaging.destination.name", "echo")
				.hasBeenStopped();
		});
	}

	@Test
	void autoConfigurationBacksOffWhenObservationIsDisabled() {
		this.contextRunner.withPropertyValues("switchboard.observation.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ObservationBindingInterceptor.class));
	}

	@Test
	void aSentMessageCarriesTheTraceContextWhenObservationIsOn() {
		sendWithATracer().run((context) -> assertThat(sent(context)).singleElement()
			.satisfies((message) -> assertThat(message.headers()).containsKey("traceparent")));
	}

	@Test
	void aSentMessageCarriesNoTraceContextWhenObservationIsDisabled() {
		sendWithATracer().withPropertyValues("switchboard.observation.enabled=false")
			.run((context) -> assertThat(sent(context)).singleElement()
				.satisfies((message) -> assertThat(message.headers()).doesNotContainKey("traceparent")));
	}

	private ApplicationContextRunner sendWithATracer() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SwitchboardAutoConfiguration.class,
					SwitchboardObservationAutoConfiguration.class))
			.withBean(Binder.class, () -> new LoopbackBinder("zmq"))
			.withBean(ObservationRegistry.class, () -> W3cTestPropagator.registry(new SimpleTracer()))
			.withPropertyValues("switchboard.channels.tasks.pattern=pipeline");
	}

	private static List<WireMessage> sent(AssertableApplicationContext context) {
		context.getBean(SwitchboardOperations.class).send("tasks", "work");
		return ((LoopbackBinder) context.getBean(Binder.class)).getSent();
	}

	@Test
	void autoConfigurationBacksOffWithoutAnObservationRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SwitchboardAutoConfiguration.class,
					SwitchboardObservationAutoConfiguration.class))
			.withBean(Binder.class, () -> new LoopbackBinder("zmq"))
			.run((context) -> assertThat(context).doesNotHaveBean(ObservationBindingInterceptor.class));
	}

	@Test
	void autoConfigurationBacksOffWithoutMicrometerObservation() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ObservationBindingInterceptor.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class Echo {

		@MessageListener("echo")
		String echo(String text) {
			return "Echo: " + text;
		}

	}

}
