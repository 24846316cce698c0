package dev.switchboard.autoconfigure.zmq;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import dev.switchboard.annotation.MessageListener;
import dev.switchboard.annotation.Publisher;
import dev.switchboard.autoconfigure.SwitchboardAutoConfiguration;
import dev.switchboard.core.SwitchboardOperations;
import dev.switchboard.zmq.ZmqSocketCustomizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.util.TestSocketUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * End-to-end runs of each pattern on the real ZeroMQ binder, wired by auto-configuration
 * exactly as an application gets it.
 */
@ExtendWith(OutputCaptureExtension.class)
class SwitchboardZmqIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(SwitchboardAutoConfiguration.class, SwitchboardZmqAutoConfiguration.class));

	@Test
	void requestReplyListenerAnswersTheTemplateOverTcp() {
		int port = TestSocketUtils.findAvailableTcpPort();
		this.contextRunner
			.withPropertyValues("switchboard.channels.echo.pattern=request-reply",
					"switchboard.channels.echo.zmq.endpoints=tcp://127.0.0.1:" + port)
			.withUserConfiguration(EchoListener.class)
			.run((context) -> {
				SwitchboardOperations template = context.getBean(SwitchboardOperations.class);
				assertThat(template.request("echo", "hi", String.class)).isEqualTo("Echo: hi");
				assertThat(template.requestAsync("echo", "again", String.class).get()).isEqualTo("Echo: again");
			});
	}

	@Test
	void publisherReachesOnlySubscribersWhoseTopicFilterMatches() {
		String endpoint = "inproc://scores-" + UUID.randomUUID();
		this.contextRunner
			.withPropertyValues("switchboard.channels.scores.pattern=pub-sub",
					"switchboard.channels.scores.zmq.endpoints=" + endpoint)
			.withUserConfiguration(ScorePublisher.class, TopicOneSubscriber.class)
			.run((context) -> {
				ScorePublisher publisher = context.getBean(ScorePublisher.class);
				TopicOneSubscriber subscriber = context.getBean(TopicOneSubscriber.class);
				await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
					publisher.topicTwo();
					publisher.topicOne();
					assertThat(subscriber.received).isNotEmpty();
				});
				assertThat(subscriber.received).allMatch((line) -> line.startsWith("1-Update!"));
			});
	}

	@Test
	void pipelineHandsEachTaskToExactlyOneWorker() {
		String endpoint = "inproc://tasks-" + UUID.randomUUID();
		this.contextRunner
			.withPropertyValues("switchboard.channels.tasks.pattern=pipeline",
					"switchboard.channels.tasks.concurrency=3",
					"switchboard.channels.tasks.zmq.endpoints=" + endpoint)
			.withUserConfiguration(TaskWorker.class)
			.run((context) -> {
				SwitchboardOperations template = context.getBean(SwitchboardOperations.class);
				List<String> tasks = IntStream.rangeClosed(1, 50).mapToObj((id) -> id + " - task")
					.toList();
				tasks.forEach((task) -> template.send("tasks", task));
				TaskWorker worker = context.getBean(TaskWorker.class);
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> assertThat(worker.received).containsExactlyInAnyOrderElementsOf(tasks));
			});
	}

	@Test
	void socketCustomizersAreAppliedToEverySocket() {
		Queue<String> customized = new ConcurrentLinkedQueue<>();
		this.contextRunner
			.withBean(ZmqSocketCustomizer.class,
					() -> (channel, socket) -> customized.add(channel))
			.withPropertyValues("switchboard.channels.echo.pattern=request-reply",
					"switchboard.channels.echo.zmq.endpoints=inproc://echo-" + UUID.randomUUID())
			.withUserConfiguration(EchoListener.class)
			.run((context) -> {
				context.getBean(SwitchboardOperations.class).request("echo", "hi", String.class);
				assertThat(customized).contains("echo");
			});
	}

	@Test
	void endpointAlreadyInUseFailsStartupNamingChannelEndpointAndFix(CapturedOutput output) throws IOException {
		try (ServerSocket occupied = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			String endpoint = "tcp://127.0.0.1:" + occupied.getLocalPort();
			assertThatException().isThrownBy(() -> SpringApplication.run(EchoApplication.class,
					"--switchboard.channels.echo.pattern=request-reply",
					"--switchboard.channels.echo.zmq.endpoints=" + endpoint));
			assertThat(output).contains("APPLICATION FAILED TO START", "'echo'", endpoint, "Action:",
					"stop whatever else holds the endpoint");
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SwitchboardAutoConfiguration.class, SwitchboardZmqAutoConfiguration.class })
	@Import(EchoListener.class)
	static class EchoApplication {

	}

	static class EchoListener {

		@MessageListener("echo")
		String echo(String text) {
			return "Echo: " + text;
		}

	}

	static class ScorePublisher {

		@Publisher(channel = "scores", topic = "1")
		String topicOne() {
			return "1-Update! >> #1";
		}

		@Publisher(channel = "scores", topic = "2")
		String topicTwo() {
			return "2-Update! >> #2";
		}

	}

	static class TopicOneSubscriber {

		final Queue<String> received = new ConcurrentLinkedQueue<>();

		@MessageListener(channel = "scores", topic = "1")
		void onScore(String line) {
			this.received.add(line);
		}

	}

	static class TaskWorker {

		final Queue<String> received = new ConcurrentLinkedQueue<>();

		@MessageListener("tasks")
		void work(String task) {
			this.received.add(task);
		}

	}

}
