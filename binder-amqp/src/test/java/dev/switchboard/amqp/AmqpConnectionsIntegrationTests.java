package dev.switchboard.amqp;

import dev.switchboard.BindingException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link AmqpConnections} against the real broker.
 */
class AmqpConnectionsIntegrationTests {

	@Test
	void channelOnAConnectionThatIsDownFailsWithABindingExceptionNamingTheBroker() throws Exception {
		try (AmqpConnections connections = new AmqpConnections(AmqpConnectionOptions.defaults())) {
			connections.consumingChannel().getConnection().close();
			assertThatExceptionOfType(BindingException.class).isThrownBy(connections::consumingChannel)
				.withMessageContaining("RabbitMQ at [127.0.0.1:5672]")
				.withMessageContaining("connection is down");
		}
	}

}
