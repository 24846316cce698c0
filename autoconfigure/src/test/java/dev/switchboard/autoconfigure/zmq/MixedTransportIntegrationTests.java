package dev.switchboard.autoconfigure.zmq;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import dev.switchboard.annotation.MessageListener;
import dev.switchboard.autoconfigure.SwitchboardAutoConfiguration;
import dev.switchboard.autoconfigure.amqp.SwitchboardAmqpAutoConfiguration;
import dev.switchboard.core.ChannelRegistry;
import dev.switchboard.core.SwitchboardOperations;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One application, two transports: the per-channel override sends one channel over ZeroMQ
 * and another over RabbitMQ (a broker on localhost:5672), with no code telling them apart.
 * Both binders come from their auto-configurations, as in an application with the starter.
 */
class MixedTransportIntegrationTests {

	private static final String TASKS = "switchboard-autoconfigure-mixed-tasks";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SwitchboardAutoConfiguration.class,
				SwitchboardZmqAutoConfiguration.class, SwitchboardAmqpAutoConfiguration.class));

	@Test
	void eachChannelTravelsOnItsOwnTransport() {
		this.contextRunner
			.withPropertyValues("switchboard.channels.echo.pattern=request-reply",
					"switchboard.channels.echo.zmq.endpoints=inproc://echo-" + UUID.randomUUID(),
					"switchboard.channels." + TASKS + ".pattern=pipeline",
					"switchboard.channels." + TASKS + ".transport=amqp",
					"switchboard.channels." + TASKS + ".amqp.durable=false",
					"switchboard.channels." + TASKS + ".amqp.persistent=false")
			.withUserConfiguration(EchoListener.class, TaskWorker.class)
			.run((context) -> {
				ChannelRegistry channels = context.getBean(ChannelRegistry.class);
				assertThat(channels.getRequired("echo").transport()).isEqualTo("zmq");
				assertThat(channels.getRequired(TASKS).transport()).isEqualTo("amqp");
				SwitchboardOperations template = context.getBean(SwitchboardOperations.class);
				assertThat(template.request("echo", "hi", String.class)).isEqualTo("Echo: hi");
				String run = UUID.randomUUID().toString();
				List<String> tasks = IntStream.rangeClosed(1, 10).mapToObj((id) -> run + " - " + id).toList();
				tasks.forEach((task) -> template.send(TASKS, task));
				TaskWorker worker = context.getBean(TaskWorker.class);
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> assertThat(worker.received).containsAll(tasks));
			});
	}

	@Test
	void applicationWhoseChannelsAllUseZmqStartsWithoutReachingTheBroker() {
		this.contextRunner
			.withPropertyValues("switchboard.amqp.addresses=127.0.0.1:1",
					"switchboard.channels.echo.pattern=request-reply",
					"switchboard.channels.echo.zmq.endpoints=inproc://echo-" + UUID.randomUUID())
			.withUserConfiguration(EchoListener.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(SwitchboardOperations.class).request("echo", "hi", String.class))
					.isEqualTo("Echo: hi");
			});
	}

	static class EchoListener {

		@MessageListener("echo")
		String echo(String text) {
			return "Echo: " + text;
		}

	}

	static class TaskWorker {

		final Queue<String> received = new ConcurrentLinkedQueue<>();

		@MessageListener(TASKS)
		void work(String task) {
			this.received.add(task);
		}

	}

}
