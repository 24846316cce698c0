package dev.switchboard.autoconfigure.amqp;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.switchboard.autoconfigure.AbstractObservabilityIntegrationTests;
import dev.switchboard.autoconfigure.SwitchboardAutoConfiguration;
import dev.switchboard.autoconfigure.health.SwitchboardHealthIndicator;
import dev.switchboard.core.SwitchboardOperations;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tracing, pausing, health and the endpoint over RabbitMQ (127.0.0.1:5672, guest/guest),
 * on queues named for this run and deleted afterwards.
 */
class AmqpObservabilityIntegrationTests extends AbstractObservabilityIntegrationTests {

	private final String run = "switchboard-observability-" + UUID.randomUUID();

	@AfterEach
	void deleteWhatTheTestDeclared() throws IOException, TimeoutException {
		try (Connection connection = new ConnectionFactory().newConnection();
				Channel channel = connection.createChannel()) {
			channel.queueDelete(this.run + ".echo");
			channel.queueDelete(this.run + ".tasks");
		}
	}

	@Override
	protected ApplicationContextRunner transport() {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(SwitchboardAutoConfiguration.class, SwitchboardAmqpAutoConfiguration.class))
			.withPropertyValues("switchboard.transport=amqp", "switchboard.channels.echo.pattern=request-reply",
					"switchboard.channels.echo.amqp.queue=" + this.run + ".echo",
					"switchboard.channels.tasks.pattern=pipeline",
					"switchboard.channels.tasks.amqp.queue=" + this.run + ".tasks",
					"switchboard.channels.tasks.amqp.prefetch=1");
	}

	@Override
	protected boolean pausedWorkersMessagesGoToOthers() {
		return true;
	}

	@Override
	protected String transportTag() {
		return "amqp";
	}

	@Override
	protected String messagingSystem() {
		return "rabbitmq";
	}

	@Override
	protected void assertDescribesAddresses(Map<String, Object> binding) {
		assertThat(binding).containsEntry("queue", this.run + ".echo");
	}

	@Test
	void healthIsDownWithTheReasonWhileTheBrokerIsGoneAndUpOnceItIsBack() {
		try (BrokerProxy broker = new BrokerProxy().start()) {
			application().withUserConfiguration(Echo.class)
				.withPropertyValues("switchboard.amqp.addresses=127.0.0.1:" + broker.port(),
						"switchboard.amqp.recovery-interval=1s")
				.run((context) -> {
					assertThat(context.getBean(SwitchboardOperations.class).request("echo", "hi", String.class))
						.isEqualTo("Echo: hi");
					SwitchboardHealthIndicator indicator = context.getBean(SwitchboardHealthIndicator.class);
					Health up = indicator.health();
					assertThat(up.getStatus()).isEqualTo(Status.UP);
					assertThat(up.getDetails().get("amqp")).asInstanceOf(InstanceOfAssertFactories.MAP)
						.containsEntry("connections", Map.of("publisher", "open", "consumer", "open"));
					broker.stop();
					await().atMost(TIMEOUT).untilAsserted(() -> {
						Health down = indicator.health();
						assertThat(down.getStatus()).isEqualTo(Status.DOWN);
						assertThat(down.getDetails().get("reason")).asString()
							.startsWith("amqp: the ")
							.contains("connection to RabbitMQ at [127.0.0.1:" + broker.port() + "] is down");
					});
					broker.start();
					await().atMost(TIMEOUT).untilAsserted(() -> assertThat(indicator.health().getStatus()).isEqualTo(Status.UP));
				});
		}
	}

}
