package dev.switchboard.autoconfigure.zmq;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import dev.switchboard.annotation.MessageListener;
import dev.switchboard.autoconfigure.SwitchboardAutoConfiguration;
import dev.switchboard.binder.Binder;
import dev.switchboard.binder.BinderRegistry;
import dev.switchboard.binder.DeadLetter;
import dev.switchboard.binder.DeadLetterHandler;
import dev.switchboard.core.ChannelRegistry;
import dev.switchboard.core.SwitchboardOperations;
import dev.switchboard.zmq.ZmqBinder;
import dev.switchboard.zmq.ZmqBinderOptions;
import dev.switchboard.zmq.ZmqChannelOptions;
import dev.switchboard.zmq.ZmqChannelOptionsResolver;
import dev.switchboard.zmq.ZmqFraming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.util.TestSocketUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class SwitchboardZmqAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(SwitchboardAutoConfiguration.class, SwitchboardZmqAutoConfiguration.class));

	@Test
	void autoConfigurationProvidesTheZmqBinderAndItsChannelOptions() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ZmqBinder.class);
			assertThat(context).hasSingleBean(ZmqChannelOptionsResolver.class);
			assertThat(context).hasSingleBean(ZmqProperties.class);
		});
	}

	@Test
	void zmqBinderCarriesChannelsOfTheDefaultTransport() {
		this.contextRunner
			.withPropertyValues("switchboard.channels.echo.pattern=request-reply",
					"switchboard.channels.echo.zmq.endpoints=inproc://echo")
			.run((context) -> {
				BinderRegistry binders = context.getBean(BinderRegistry.class);
				Binder binder = binders.getBinder(context.getBean(ChannelRegistry.class).getRequired("echo"));
				assertThat(binder).isSameAs(context.getBean(ZmqBinder.class));
			});
	}

	@Test
	void autoConfigurationBacksOffWhenUserProvidesZmqBinder() {
		ZmqBinder binder = new ZmqBinder(ZmqBinderOptions.defaults(), (channel) -> ZmqChannelOptions.none(),
				List.of());
		this.contextRunner.withBean(ZmqBinder.class, () -> binder)
			.run((context) -> assertThat(context).getBean(ZmqBinder.class).isSameAs(binder));
	}

	@Test
	void autoConfigurationBacksOffWhenUserProvidesChannelOptionsResolver() {
		ZmqChannelOptionsResolver resolver = (channel) -> ZmqChannelOptions.of("inproc://" + channel);
		this.contextRunner.withBean(ZmqChannelOptionsResolver.class, () -> resolver)
			.run((context) -> assertThat(context).getBean(ZmqChannelOptionsResolver.class).isSameAs(resolver));
	}

	@Test
	void noZmqBinderWithoutTheZmqBinderOnTheClasspath() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ZmqBinder.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ZmqChannelOptionsResolver.class);
			assertThat(context).hasSingleBean(BinderRegistry.class);
		});
	}

	@Test
	void noZmqBinderWithoutJeroMq() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.zeromq", "dev.switchboard.zmq"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean("switchboardZmqBinder");
			});
	}

	@Test
	void channelZmqPropertiesMapToChannelOptions() {
		this.contextRunner
			.withPropertyValues("switchboard.channels.echo.pattern=request-reply",
					"switchboard.channels.echo.zmq.endpoints=tcp://127.0.0.1:5678,ipc:///tmp/echo",
					"switchboard.channels.echo.zmq.bind=false", "switchboard.channels.echo.zmq.framing=raw",
					"switchboard.channels.echo.zmq.send-high-water-mark=10",
					"switchboard.channels.echo.zmq.receive-high-water-mark=20",
					"switchboard.channels.echo.zmq.max-message-size=64KB",
					"switchboard.channels.echo.zmq.request-retries=2", "switchboard.channels.tasks.pattern=pipeline")
			.run((context) -> {
				ZmqChannelOptionsResolver resolver = context.getBean(ZmqChannelOptionsResolver.class);
				assertThat(resolver.resolve("echo")).isEqualTo(new ZmqChannelOptions(
						List.of("tcp://127.0.0.1:5678", "ipc:///tmp/echo"), false, ZmqFraming.RAW, 10, 20, 65536L, 2));
				assertThat(resolver.resolve("tasks"))
					.isEqualTo(new ZmqChannelOptions(List.of(), null, ZmqFraming.ENVELOPE, null, null, null));
				assertThat(resolver.resolve("undefined")).isEqualTo(ZmqChannelOptions.none());
			});
	}

	@Test
	void binderWidePropertiesMapToBinderOptions() {
		this.contextRunner
			.withPropertyValues("switchboard.zmq.io-threads=2", "switchboard.zmq.linger=250ms",
					"switchboard.zmq.send-high-water-mark=11", "switchboard.zmq.receive-high-water-mark=12",
					"switchboard.zmq.max-message-size=2MB", "switchboard.zmq.connect-wait=3s",
					"switchboard.zmq.reconnect-interval=50ms", "switchboard.zmq.shutdown-timeout=7s")
			.run((context) -> assertThat(binderOptions(context)).isEqualTo(new ZmqBinderOptions(2,
					Duration.ofMillis(250), 11, 12, 2 * 1024 * 1024, Duration.ofSeconds(3), Duration.ofMillis(50),
					Duration.ofSeconds(7))));
	}

	@Test
	void defaultPropertiesGiveTheBindersDefaultOptions() {
		this.contextRunner
			.run((context) -> assertThat(binderOptions(context)).isEqualTo(ZmqBinderOptions.defaults()));
	}

	@Test
	void invalidBinderWideSettingFailsStartupNamingTheProperties() {
		this.contextRunner.withPropertyValues("switchboard.zmq.send-high-water-mark=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("sendHighWaterMark must be at least 1")
				.hasMessageContaining("switchboard.zmq.*"));
	}

	@Test
	void negativeRequestRetriesFailStartupNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("switchboard.channels.echo.pattern=request-reply",
					"switchboard.channels.echo.zmq.request-retries=-1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("switchboard.channels.echo.zmq.request-retries"));
	}

	@Test
	void zmqBinderHandsDeadLettersToTheApplicationsDeadLetterHandler() {
		Queue<DeadLetter> deadLetters = new ConcurrentLinkedQueue<>();
		this.contextRunner.withPropertyValues(failingTasksChannel())
			.withBean(DeadLetterHandler.class, () -> deadLetters::add)
			.withUserConfiguration(FailingWorker.class)
			.run((context) -> {
				context.getBean(SwitchboardOperations.class).send("tasks", "poison");
				await().atMost(Duration.ofSeconds(10)).until(() -> deadLetters.size() == 1);
				assertThat(deadLetters.peek().channel()).isEqualTo("tasks");
				assertThat(deadLetters.peek().failure()).hasMessage("cannot work on poison");
			});
	}

	@Test
	void zmqBinderLogsDeadLettersWhenTheApplicationDeclaresNoHandler(CapturedOutput output) {
		this.contextRunner.withPropertyValues(failingTasksChannel())
			.withUserConfiguration(FailingWorker.class)
			.run((context) -> {
				context.getBean(SwitchboardOperations.class).send("tasks", "poison");
				await().atMost(Duration.ofSeconds(10))
					.until(() -> output.toString().contains("declare a DeadLetterHandler bean"));
				assertThat(output).contains("Channel 'tasks': message failed after 1 attempt")
					.contains("cannot work on poison");
			});
	}

	private static String[] failingTasksChannel() {
		return new String[] { "switchboard.channels.tasks.pattern=pipeline",
				"switchboard.channels.tasks.retry.max-attempts=1",
				"switchboard.channels.tasks.zmq.endpoints=tcp://127.0.0.1:" + TestSocketUtils.findAvailableTcpPort() };
	}

	static class FailingWorker {

		@MessageListener("tasks")
		void work(String task) {
			throw new IllegalStateException("cannot work on " + task);
		}

	}

	private static ZmqBinderOptions binderOptions(AssertableApplicationContext context) {
		return SwitchboardZmqAutoConfiguration.binderOptions(context.getBean(ZmqProperties.class));
	}

}
