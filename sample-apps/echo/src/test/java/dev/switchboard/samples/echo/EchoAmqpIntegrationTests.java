package dev.switchboard.samples.echo;

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
 * The echo sample's jar on RabbitMQ (127.0.0.1:5672) against plain pika programs. Each test
 * has a queue of its own, deleted afterwards, since other builds share the broker.
 */
class EchoAmqpIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	@RegisterExtension
	@Order(1)
	final BrokerCleanup broker = new BrokerCleanup();

	private final String queue = this.broker.queue("switchboard-sample-echo-" + UUID.randomUUID());

	@RegisterExtension
	@Order(2)
	final SampleProcesses processes = new SampleProcesses();

	@Test
	void serverAnswersPlainPikaRpcClient() {
		SampleProcess server = this.processes.sample("--role=server", "--switchboard.transport=amqp", queueArgument());
		SampleProcess client = this.processes.python("pika_rpc_client.py", this.queue, "Hello from pika");
		assertThat(client.awaitExit(TIMEOUT)).as(client::describe).isZero();
		assertThat(client.stdout()).containsExactly("Echo: Hello from pika");
		assertThat(server.awaitStdoutLines(1, TIMEOUT)).containsExactly("Received request: Hello from pika");
	}

	@Test
	void clientGetsTheReplyOfPlainPikaServer() {
		SampleProcess server = this.processes.python("pika_rpc_server.py", this.queue);
		SampleProcess client = this.processes.sample("--role=client", "--message=Hello from Java",
				"--switchboard.transport=amqp", queueArgument(), "--switchboard.channels.echo.request-timeout=60s");
		assertThat(client.awaitExit(TIMEOUT)).as(client::describe).isZero();
		assertThat(client.stdout()).containsExactly("Echo: Hello from Java");
		assertThat(server.awaitStdoutLines(1, TIMEOUT)).containsExactly("Received request: Hello from Java");
	}

	@Test
	void clientCallsServer() {
		this.processes.sample("--role=server", "--switchboard.transport=amqp", queueArgument());
		SampleProcess client = this.processes.sample("--role=client", "--message=Hi", "--switchboard.transport=amqp",
				queueArgument(), "--switchboard.channels.echo.request-timeout=60s");
		assertThat(client.awaitExit(TIMEOUT)).as(client::describe).isZero();
		assertThat(client.stdout()).containsExactly("Echo: Hi");
	}

	private String queueArgument() {
		return "--switchboard.channels.echo.amqp.queue=" + this.queue;
	}

}
