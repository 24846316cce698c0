package dev.switchboard.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import dev.switchboard.PayloadConversionException;
import dev.switchboard.annotation.MessageListener;
import dev.switchboard.annotation.MessageListenerAnnotationBeanPostProcessor;
import dev.switchboard.annotation.Publisher;
import dev.switchboard.annotation.PublisherAnnotationBeanPostProcessor;
import dev.switchboard.binder.Binder;
import dev.switchboard.binder.BinderRegistry;
import dev.switchboard.core.ChannelRegistry;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.Pattern;
import dev.switchboard.core.RetryPolicy;
import dev.switchboard.core.SwitchboardOperations;
import dev.switchboard.core.SwitchboardTemplate;
import dev.switchboard.listener.ListenerEndpointRegistry;
import dev.switchboard.support.converter.PayloadConverter;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;

import static org.assertj.core.api.Assertions.assertThat;

class SwitchboardAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SwitchboardAutoConfiguration.class))
		.withBean("zmqStubBinder", Binder.class, () -> new StubBinder("zmq"));

	@Test
	void autoConfigurationProvidesEverySwitchboardBean() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(SwitchboardProperties.class);
			assertThat(context).hasSingleBean(ChannelRegistry.class);
			assertThat(context).hasSingleBean(PayloadConverter.class);
			assertThat(context).hasSingleBean(BinderRegistry.class);
			assertThat(context).hasSingleBean(SwitchboardTemplate.class);
			assertThat(context).hasSingleBean(SwitchboardOperations.class);
			assertThat(context).hasSingleBean(ListenerEndpointRegistry.class);
			assertThat(context).hasSingleBean(MessageListenerAnnotationBeanPostProcessor.class);
			assertThat(context).hasSingleBean(PublisherAnnotationBeanPostProcessor.class);
		});
	}

	@Test
	void templateIsAlsoTheSwitchboardOperationsBean() {
		this.contextRunner.run((context) -> assertThat(context.getBean(SwitchboardOperations.class))
			.isSameAs(context.getBean(SwitchboardTemplate.class)));
	}

	@Test
	void payloadConverterUsesTheApplicationsJsonMapper() {
		this.contextRunner
			.withBean(JsonMapper.class,
					() -> JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build())
			.run((context) -> assertThat(json(context, new Score("ada", 7))).contains("\"player_name\""));
	}

	@Test
	void payloadConverterUsesTheJsonMapperBootConfiguresFromSpringJacksonProperties() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
			.withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE")
			.run((context) -> assertThat(json(context, new Score("ada", 7))).contains("\"player_name\""));
	}

	@Test
	void payloadConverterUsesADefaultJsonMapperWhenTheApplicationHasNone() {
		this.contextRunner.run((context) -> assertThat(json(context, new Score("ada", 7)))
			.isEqualTo("{\"playerName\":\"ada\",\"points\":7}"));
	}

	@Test
	void autoConfigurationBacksOffWhenUserProvidesChannelRegistry() {
		ChannelRegistry registry = new ChannelRegistry(List.of());
		this.contextRunner.withBean(ChannelRegistry.class, () -> registry)
			.withPropertyValues("switchboard.channels.echo.pattern=request-reply")
			.run((context) -> assertThat(context).getBean(ChannelRegistry.class).isSameAs(registry));
	}

	@Test
	void autoConfigurationBacksOffWhenUserProvidesPayloadConverter() {
		PayloadConverter converter = PayloadConverter.withJsonMapper(JsonMapper.builder().build());
		this.contextRunner.withBean(PayloadConverter.class, () -> converter)
			.run((context) -> assertThat(context).getBean(PayloadConverter.class).isSameAs(converter));
	}

	@Test
	void autoConfigurationBacksOffWhenUserProvidesBinderRegistry() {
		BinderRegistry registry = new BinderRegistry(List.of());
		this.contextRunner.withBean(BinderRegistry.class, () -> registry)
			.run((context) -> assertThat(context).getBean(BinderRegistry.class).isSameAs(registry));
	}

	@Test
	void autoConfigurationBacksOffWhenUserProvidesTemplate() {
		this.contextRunner.withBean("myTemplate", SwitchboardTemplate.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(SwitchboardOperations.class);
				assertThat(context).hasBean("myTemplate").doesNotHaveBean("switchboardTemplate");
			});
	}

	@Test
	void autoConfigurationBacksOffWhenUserProvidesSwitchboardOperations() {
		SwitchboardOperations operations = Mockito.mock(SwitchboardOperations.class);
		this.contextRunner.withBean(SwitchboardOperations.class, () -> operations).run((context) -> {
			assertThat(context).getBean(SwitchboardOperations.class).isSameAs(operations);
			assertThat(context).doesNotHaveBean(SwitchboardTemplate.class);
		});
	}

	@Test
	void autoConfigurationBacksOffWhenUserProvidesListenerEndpointRegistry() {
		this.contextRunner.withBean("myRegistry", ListenerEndpointRegistry.class)
			.run((context) -> assertThat(context).hasSingleBean(ListenerEndpointRegistry.class)
				.hasBean("myRegistry"));
	}

	@Test
	void autoConfigurationBacksOffWhenUserProvidesAnnotationPostProcessors() {
		this.contextRunner.withBean("myListenerProcessor", MessageListenerAnnotationBeanPostProcessor.class)
			.withBean("myPublisherProcessor", PublisherAnnotationBeanPostProcessor.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(MessageListenerAnnotationBeanPostProcessor.class)
					.hasBean("myListenerProcessor");
				assertThat(context).hasSingleBean(PublisherAnnotationBeanPostProcessor.class)
					.hasBean("myPublisherProcessor");
			});
	}

	@Test
	void channelPropertiesMapToChannelSpecs() {
		this.contextRunner.withBean("amqpStubBinder", Binder.class, () -> new StubBinder("amqp"))
			.withPropertyValues("switchboard.channels.echo.pattern=request-reply",
					"switchboard.channels.echo.request-timeout=250ms", "switchboard.channels.tasks.pattern=pipeline",
					"switchboard.channels.tasks.concurrency=4", "switchboard.channels.tasks.transport=amqp",
					"switchboard.channels.scores.pattern=pub-sub", "switchboard.channels.peer.pattern=PAIR")
			.run((context) -> {
				ChannelRegistry channels = context.getBean(ChannelRegistry.class);
				assertThat(channels.getRequired("echo")).satisfies((echo) -> {
					assertThat(echo.pattern()).isEqualTo(Pattern.REQUEST_REPLY);
					assertThat(echo.transport()).isEqualTo("zmq");
					assertThat(echo.concurrency()).isOne();
					assertThat(echo.requestTimeout()).isEqualTo(Duration.ofMillis(250));
				});
				assertThat(channels.getRequired("tasks")).satisfies((tasks) -> {
					assertThat(tasks.pattern()).isEqualTo(Pattern.PIPELINE);
					assertThat(tasks.transport()).isEqualTo("amqp");
					assertThat(tasks.concurrency()).isEqualTo(4);
					assertThat(tasks.requestTimeout()).isEqualTo(ChannelSpec.DEFAULT_REQUEST_TIMEOUT);
				});
				assertThat(channels.getRequired("scores").pattern()).isEqualTo(Pattern.PUB_SUB);
				assertThat(channels.getRequired("peer").pattern()).isEqualTo(Pattern.PAIR);
			});
	}

	@Test
	void channelRetryPropertiesMapToTheChannelsRetryPolicy() {
		this.contextRunner
			.withPropertyValues("switchboard.channels.tasks.pattern=pipeline",
					"switchboard.channels.tasks.retry.max-attempts=5",
					"switchboard.channels.tasks.retry.initial-interval=200ms",
					"switchboard.channels.tasks.retry.multiplier=3.0",
					"switchboard.channels.tasks.retry.max-interval=30s",
					"switchboard.channels.tasks.retry.non-retryable-exceptions=java.lang.IllegalArgumentException,"
							+ "dev.switchboard.PayloadConversionException")
			.run((context) -> assertThat(context.getBean(ChannelRegistry.class).getRequired("tasks").retry())
				.isEqualTo(new RetryPolicy(5, Duration.ofMillis(200), 3.0, Duration.ofSeconds(30),
						List.of(IllegalArgumentException.class, PayloadConversionException.class))));
	}

	@Test
	void channelsWithoutRetryPropertiesGetTheDefaultRetryPolicy() {
		this.contextRunner.withPropertyValues("switchboard.channels.tasks.pattern=pipeline")
			.run((context) -> assertThat(context.getBean(ChannelRegistry.class).getRequired("tasks").retry())
				.isEqualTo(RetryPolicy.DEFAULT)
				.satisfies((retry) -> {
					assertThat(retry.maxAttempts()).isEqualTo(3);
					assertThat(retry.initialInterval()).isEqualTo(Duration.ofSeconds(1));
					assertThat(retry.multiplier()).isEqualTo(2.0);
					assertThat(retry.maxInterval()).isEqualTo(Duration.ofSeconds(10));
					assertThat(retry.nonRetryable()).isEmpty();
				}));
	}

	@Test
	void startupFailsNamingThePropertyWhenRetryMaxAttemptsIsBelowOne() {
		this.contextRunner
			.withPropertyValues("switchboard.channels.tasks.pattern=pipeline",
					"switchboard.channels.tasks.retry.max-attempts=0")
			.run(failsWith("Retry max attempts must be at least 1, was 0", "switchboard.channels.tasks.retry"));
	}

	@Test
	void startupFailsNamingThePropertyWhenRetryMaxIntervalIsShorterThanTheInitialInterval() {
		this.contextRunner
			.withPropertyValues("switchboard.channels.tasks.pattern=pipeline",
					"switchboard.channels.tasks.retry.initial-interval=5s",
					"switchboard.channels.tasks.retry.max-interval=1s")
			.run(failsWith("max interval must not be shorter", "switchboard.channels.tasks.retry"));
	}

	@Test
	void startupFailsNamingThePropertyWhenANonRetryableExceptionIsNoClass() {
		this.contextRunner
			.withPropertyValues("switchboard.channels.tasks.pattern=pipeline",
					"switchboard.channels.tasks.retry.non-retryable-exceptions=com.example.NoSuchException")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context).getFailure()
					.hasStackTraceContaining("switchboard.channels.tasks.retry.non-retryable-exceptions")
					.hasStackTraceContaining("com.example.NoSuchException");
			});
	}

	@Test
	void defaultTransportAppliesToChannelsWithoutAnOverride() {
		this.contextRunner.withBean("amqpStubBinder", Binder.class, () -> new StubBinder("amqp"))
			.withPropertyValues("switchboard.transport=amqp", "switchboard.channels.echo.pattern=request-reply",
					"switchboard.channels.tasks.pattern=pipeline", "switchboard.channels.tasks.transport=zmq")
			.run((context) -> {
				ChannelRegistry channels = context.getBean(ChannelRegistry.class);
				assertThat(channels.getRequired("echo").transport()).isEqualTo("amqp");
				assertThat(channels.getRequired("tasks").transport()).isEqualTo("zmq");
			});
	}

	@Test
	void listenersAreBoundThroughTheBinderOfTheirChannelsTransport() {
		StubBinder amqp = new StubBinder("amqp");
		this.contextRunner.withBean("amqpStubBinder", Binder.class, () -> amqp)
			.withPropertyValues("switchboard.channels.echo.pattern=request-reply",
					"switchboard.channels.tasks.pattern=pipeline", "switchboard.channels.tasks.transport=amqp")
			.withUserConfiguration(EchoListener.class, TaskWorker.class)
			.run((context) -> {
				StubBinder zmq = (StubBinder) context.getBean("zmqStubBinder");
				assertThat(zmq.bound()).containsExactly("echo");
				assertThat(amqp.bound()).containsExactly("tasks");
			});
	}

	@Test
	void startupFailsWhenAChannelHasNoPattern() {
		this.contextRunner.withPropertyValues("switchboard.channels.echo.concurrency=2")
			.run(failsWith("Channel 'echo' has no pattern: set switchboard.channels.echo.pattern to request-reply,"
					+ " pub-sub, pipeline or pair"));
	}

	@Test
	void startupFailsNamingThePropertyWhenAPatternIsUnknown() {
		this.contextRunner.withPropertyValues("switchboard.channels.echo.pattern=fanout").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure()
				.hasStackTraceContaining("switchboard.channels.echo.pattern")
				.hasStackTraceContaining("fanout");
		});
	}

	@Test
	void startupFailsWhenAChannelsTransportHasNoBinder() {
		this.contextRunner
			.withPropertyValues("switchboard.channels.tasks.pattern=pipeline",
					"switchboard.channels.tasks.transport=amqp")
			.run(failsWith("Channel 'tasks' uses transport 'amqp' but only [zmq] are available; set"
					+ " switchboard.channels.tasks.transport"));
	}

	@Test
	void startupFailsWhenConcurrencyIsBelowOne() {
		this.contextRunner
			.withPropertyValues("switchboard.channels.tasks.pattern=pipeline",
					"switchboard.channels.tasks.concurrency=0")
			.run(failsWith("set switchboard.channels.tasks.concurrency to 1 or more"));
	}

	@Test
	void startupFailsWhenAListenerNamesAnUndefinedChannel() {
		this.contextRunner.withUserConfiguration(EchoListener.class)
			.run(failsWith("bean 'switchboardAutoConfigurationTests.EchoListener' method", "EchoListener.echo",
					"listens on an undefined channel: No channel named 'echo' is defined",
					"add 'switchboard.channels.echo.pattern'"));
	}

	@Test
	void startupFailsWhenARequestReplyListenerReturnsNothing() {
		this.contextRunner.withPropertyValues("switchboard.channels.tasks.pattern=request-reply")
			.withUserConfiguration(TaskWorker.class)
			.run(failsWith("TaskWorker.work on request-reply channel 'tasks' returns nothing",
					"return the reply, or make the channel pipeline or pub-sub"));
	}

	@Test
	void startupFailsWhenAPipelineListenerReturnsAValue() {
		this.contextRunner.withPropertyValues("switchboard.channels.echo.pattern=pipeline")
			.withUserConfiguration(EchoListener.class)
			.run(failsWith("EchoListener.echo on pipeline channel 'echo' returns a value that nobody would receive",
					"make it void"));
	}

	@Test
	void startupFailsWhenAPublisherTargetsARequestReplyChannel() {
		this.contextRunner.withPropertyValues("switchboard.channels.scores.pattern=request-reply")
			.withUserConfiguration(ScorePublisher.class)
			.run(failsWith("@Publisher on bean", "ScorePublisher.update",
					"publishes to request-reply channel 'scores'",
					"call SwitchboardTemplate.request(...) instead"));
	}

	private static ContextConsumer<AssertableApplicationContext> failsWith(String... fragments) {
		return (context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure().rootCause().satisfies((failure) -> {
				for (String fragment : fragments) {
					assertThat(failure.getMessage()).contains(fragment);
				}
			});
		};
	}

	private static String json(AssertableApplicationContext context, Object payload) {
		return new String(context.getBean(PayloadConverter.class).toWire(payload).payload(),
				StandardCharsets.UTF_8);
	}

	record Score(String playerName, int points) {
	}

	static class EchoListener {

		@MessageListener("echo")
		String echo(String text) {
			return "Echo: " + text;
		}

	}

	static class TaskWorker {

		@MessageListener("tasks")
		void work(String task) {
		}

	}

	static class ScorePublisher {

		@Publisher("scores")
		String update() {
			return "1-Update!";
		}

	}

}
