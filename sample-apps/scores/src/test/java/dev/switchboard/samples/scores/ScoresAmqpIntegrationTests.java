package dev.switchboard.samples.scores;

import java.time.Duration;
import java.util.UUID;

import dev.switchboard.samples.testing.BrokerCleanup;
import dev.switchboard.samples.testing.SampleProcess;
import dev.switchboard.samples.testing.SampleProcesses;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scores sample's jar on RabbitMQ (127.0.0.1:5672) with a plain pika subscriber. Each
 * test has an exchange of its own, deleted afterwards, since other builds share the broker.
 */
class ScoresAmqpIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	@RegisterExtension
	@Order(1)
	final BrokerCleanup broker = new BrokerCleanup();

	private final String exchange = this.broker.deadLetters(this.broker.exchange("switchboard-sample-scores-" + UUID.randomUUID()));

	@RegisterExtension
	@Order(2)
	final SampleProcesses processes = new SampleProcesses();

	@Test
	void publisherReachesPlainPikaSubscriberBoundWithKeyOneWithTopicOneOnly() {
		SampleProcess subscriber = this.processes.python("pika_subscriber.py", this.exchange, "1");
		subscriber.awaitStderrContaining("bound to " + this.exchange, TIMEOUT);
		SampleProcess publisher = this.processes.sample("--role=publisher", "--interval=50ms", "--count=5",
				"--switchboard.transport=amqp", exchangeArgument());
		assertThat(publisher.awaitExit(TIMEOUT)).as(publisher::describe).isZero();
		assertThat(subscriber.awaitStdoutLines(5, TIMEOUT)).hasSize(5)
			.allMatch((line) -> line.matches("1-Update! >> #\\d+ >> .+"));
	}

	/**
	 * The publisher runs until stopped, so the subscriber gets its updates however late its
	 * queue is bound.
	 */
	@Test
	void subscriberTakesTheTopicItIsGivenFromPublisher() {
		SampleProcess subscriber = this.processes.sample("--role=subscriber", "--topic=2", "--count=3",
				"--switchboard.transport=amqp", exchangeArgument());
		this.processes.sample("--role=publisher", "--interval=50ms", "--switchboard.transport=amqp",
				exchangeArgument());
		assertThat(subscriber.awaitExit(TIMEOUT)).as(subscriber::describe).isZero();
		assertThat(subscriber.stdout()).hasSize(3).allMatch((line) -> line.startsWith("2-Update! >> #"));
	}

	private String exchangeArgument() {
		return "--switchboard.channels.scores.amqp.exchange=" + this.exchange;
	}

}
