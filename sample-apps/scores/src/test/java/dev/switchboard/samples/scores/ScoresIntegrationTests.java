package dev.switchboard.samples.scores;

import java.time.Duration;

import dev.switchboard.samples.testing.SampleProcess;
import dev.switchboard.samples.testing.SampleProcesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.switchboard.samples.testing.SampleProcesses.freePort;
import static dev.switchboard.samples.testing.SampleProcesses.tcp;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scores sample's jar against the tutorial's plain pyzmq SUB and PUB programs, on a
 * free port per test.
 */
class ScoresIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	@RegisterExtension
	final SampleProcesses processes = new SampleProcesses();

	private final String endpoint = tcp(freePort());

	@Test
	void publisherReachesPlainSubscriberOfPrefixOneWithTopicOneOnly() {
		this.processes.sample("--role=publisher", "--interval=100ms", endpointArgument());
		SampleProcess subscriber = this.processes.python("sub_client.py", this.endpoint, "1", "5");
		assertThat(subscriber.awaitExit(TIMEOUT)).as(subscriber::describe).isZero();
		assertThat(subscriber.stdout()).hasSize(5).allMatch((line) -> line.matches("1-Update! >> #\\d+ >> .+"));
	}

	@Test
	void publisherPublishesBothTopicsEachRoundAndStopsAfterCount() {
		SampleProcess publisher = this.processes.sample("--role=publisher", "--interval=10ms", "--count=3",
				endpointArgument());
		assertThat(publisher.awaitExit(TIMEOUT)).as(publisher::describe).isZero();
		assertThat(publisher.stdout()).hasSize(6);
		assertThat(publisher.stdout().get(0)).startsWith("Published: 1-Update! >> #1 >> ");
		assertThat(publisher.stdout().get(1)).startsWith("Published: 2-Update! >> #1 >> ");
		assertThat(publisher.stdout().get(5)).startsWith("Published: 2-Update! >> #3 >> ");
	}

	@Test
	void subscriberTakesTopicOneFromPlainPublisherAndExitsAfterCount() {
		this.processes.python("pub_server.py", this.endpoint, "0.05");
		SampleProcess subscriber = this.processes.sample("--role=subscriber", "--count=3", endpointArgument());
		assertThat(subscriber.awaitExit(TIMEOUT)).as(subscriber::describe).isZero();
		assertThat(subscriber.stdout()).hasSize(3).allMatch((line) -> line.matches("1-Update! >> #\\d+ >> .+"));
	}

	@Test
	void subscriberTakesTheTopicItIsGiven() {
		this.processes.python("pub_server.py", this.endpoint, "0.05");
		SampleProcess subscriber = this.processes.sample("--role=subscriber", "--topic=2", "--count=3",
				endpointArgument());
		assertThat(subscriber.awaitExit(TIMEOUT)).as(subscriber::describe).isZero();
		assertThat(subscriber.stdout()).hasSize(3).allMatch((line) -> line.startsWith("2-Update! >> #"));
	}

	@Test
	void subscriberGetsUpdatesFromPublisher() {
		this.processes.sample("--role=publisher", "--interval=100ms", endpointArgument());
		SampleProcess subscriber = this.processes.sample("--role=subscriber", "--count=2", endpointArgument());
		assertThat(subscriber.awaitExit(TIMEOUT)).as(subscriber::describe).isZero();
		assertThat(subscriber.stdout()).hasSize(2).allMatch((line) -> line.startsWith("1-Update! >> #"));
	}

	private String endpointArgument() {
		return "--switchboard.channels.scores.zmq.endpoints=" + this.endpoint;
	}

}
