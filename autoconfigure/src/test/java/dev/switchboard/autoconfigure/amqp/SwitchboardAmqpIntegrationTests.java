package dev.switchboard.autoconfigure.amqp;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.switchboard.RemoteInvocationException;
import dev.switchboard.annotation.MessageListener;
import dev.switchboard.autoconfigure.SwitchboardAutoConfiguration;
import dev.switchboard.core.SwitchboardOperations;
import org.junit.jupiter.api.AfterEach;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * End-to-end runs of each pattern on RabbitMQ (127.0.0.1:5672, guest/guest), wired by
 * auto-configuration exactly as an application gets it. Every queue and exchange has a name
 * of its own per test and is deleted afterwards, since other builds share the broker.
 */
@ExtendWith(OutputCaptureExtension.class)
class SwitchboardAmqpIntegrationTests {

	private final String run = "switchboard-autoconfigure-" + UUID.randomUUID();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(SwitchboardAutoConfiguration.class, SwitchboardAmqpAutoConfiguration.class))
		.withPropertyValues("switchboard.transport=amqp");

	@AfterEach
	void deleteWhatTheTestDeclared() throws IOException, TimeoutException {
		try (Connection connection = new ConnectionFactory().newConnection();
				Channel channel = connection.createChannel()) {
			channel.queueDelete(this.run + ".echo");
			channel.queueDelete(this.run + ".tasks");
			channel.exchangeDelete(this.run + ".scores");
		}
	}

	@Test
	void requestReplyListenerAnswersTheTemplate() {
		this.contextRunner
			.withPropertyValues("switchboard.channels.echo.pattern=request-reply",
					"switchboard.channels.echo.amqp.queue=" + this.run + ".echo")
			.withUserConfiguration(EchoListener.class)
			.run((context) -> {
				SwitchboardOperations template = context.getBean(SwitchboardOperations.class);
				assertThat(template.request("echo", "hi", String.class)).isEqualTo("Echo: hi");
				assertThat(template.requestAsync("echo", "again", String.class).get()).isEqualTo("Echo: again");
				assertThatExceptionOfType(RemoteInvocationException.class)
					.isThrownBy(() -> template.request("echo", "fail", String.class))
					.withMessageContaining("no can do");
			});
	}

	@Test
	void publisherReachesOnlySubscribersWhoseTopicFilterMatches() {
		this.contextRunner
			.withPropertyValues("switchboard.channels.scores.pattern=pub-sub",
					"switchboard.channels.scores.amqp.exchange=" + this.run + ".scores")
			.withUserConfiguration(ScoreSubscribers.class)
			.run((context) -> {
				SwitchboardOperations template = context.getBean(SwitchboardOperations.class);
				template.publish("scores", "2.eu", "2-Update! >> #1");
				template.publish("scores", "1.eu", "1-Update! >> #1");
				template.publish("scores", "1.us", "1-Update! >> #2");
				template.publish("scores", "1", "1-Update! >> #3");
				ScoreSubscribers subscribers = context.getBean(ScoreSubscribers.class);
				await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
					assertThat(subscribers.topicOneAnywhere).containsExactlyInAnyOrder("1-Update! >> #1",
							"1-Update! >> #2", "1-Update! >> #3");
					assertThat(subscribers.europe).containsExactlyInAnyOrder("2-Update! >> #1", "1-Update! >> #1");
				});
			});
	}

	@Test
	void pipelineHandsEachTaskToExactlyOneWorker() {
		this.contextRunner
			.withPropertyValues("switchboard.channels.tasks.pattern=pipeline",
					"switchboard.channels.tasks.concurrency=3",
					"switchboard.channels.tasks.amqp.queue=" + this.run + ".tasks")
			.withUserConfiguration(TaskWorker.class)
			.run((context) -> {
				SwitchboardOperations template = context.getBean(SwitchboardOperations.class);
				List<String> tasks = IntStream.rangeClosed(1, 50).mapToObj((id) -> id + " - task").toList();
				tasks.forEach((task) -> template.send("tasks", task));
				TaskWorker worker = context.getBean(TaskWorker.class);
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> assertThat(worker.received).containsExactlyInAnyOrderElementsOf(tasks));
			});
	}

	@Test
	void unreachableBrokerFailsStartupNamingTheAddressAndTheFix(CapturedOutput output) {
		assertThatException().isThrownBy(() -> SpringApplication.run(EchoApplication.class,
				"--switchboard.transport=amqp", "--switchboard.amqp.addresses=127.0.0.1:1",
				"--switchboard.amqp.connection-timeout=2s", "--switchboard.channels.echo.pattern=request-reply",
				"--switchboard.channels.echo.amqp.queue=" + this.run + ".echo"));
		assertThat(output).contains("APPLICATION FAILED TO START", "Cannot connect to RabbitMQ at [127.0.0.1:1]",
				"start the broker", "switchboard.amqp.addresses", "Action:");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SwitchboardAutoConfiguration.class, SwitchboardAmqpAutoConfiguration.class })
	@Import(EchoListener.class)
	static class EchoApplication {

	}

	static class EchoListener {

		@MessageListener("echo")
		String echo(String text) {
			if (text.equals("fail")) {
				throw new IllegalStateException("no can do");
			}
			return "Echo: " + text;
		}

	}

	static class ScoreSubscribers {

		final Queue<String> topicOneAnywhere = new ConcurrentLinkedQueue<>();

		final Queue<String> europe = new ConcurrentLinkedQueue<>();

		@MessageListener(channel = "scores", topic = "1.#")
		void onTopicOne(String line) {
			this.topicOneAnywhere.add(line);
		}

		@MessageListener(channel = "scores", topic = "*.eu")
		void onEurope(String line) {
			this.europe.add(line);
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
