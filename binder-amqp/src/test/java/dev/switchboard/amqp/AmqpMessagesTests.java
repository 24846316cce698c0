package dev.switchboard.amqp;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.impl.LongStringHelper;
import dev.switchboard.core.WireMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AmqpMessages}.
 */
class AmqpMessagesTests {

	@Test
	void propertiesCarryContentTypeCorrelationIdAndHeaders() {
		WireMessage message = new WireMessage(new byte[] { 1 }, "game", "application/json", "c-1",
				Map.of("tenant", "acme"));
		AMQP.BasicProperties properties = AmqpMessages.properties(message, true);
		assertThat(properties.getContentType()).isEqualTo("application/json");
		assertThat(properties.getCorrelationId()).isEqualTo("c-1");
		assertThat(properties.getReplyTo()).isNull();
		assertThat(properties.getDeliveryMode()).isEqualTo(2);
		assertThat(properties.getHeaders()).containsOnly(Map.entry("tenant", "acme"));
	}

	@Test
	void transientMessageWithoutHeadersHasNoHeadersTable() {
		AMQP.BasicProperties properties = AmqpMessages.properties(WireMessage.of(new byte[0]), false);
		assertThat(properties.getDeliveryMode()).isEqualTo(1);
		assertThat(properties.getHeaders()).isNull();
	}

	@Test
	void requestIsTransientWithItsCorrelationIdReplyAddressAndExpiration() {
		WireMessage request = new WireMessage(new byte[] { 1 }, null, "text/plain", null, Map.of("tenant", "acme"));
		AMQP.BasicProperties properties = AmqpMessages.request(request, "r-1", "amq.rabbitmq.reply-to", "5000");
		assertThat(properties.getContentType()).isEqualTo("text/plain");
		assertThat(properties.getCorrelationId()).isEqualTo("r-1");
		assertThat(properties.getReplyTo()).isEqualTo("amq.rabbitmq.reply-to");
		assertThat(properties.getExpiration()).isEqualTo("5000");
		assertThat(properties.getDeliveryMode()).isEqualTo(1);
		assertThat(properties.getHeaders()).containsOnly(Map.entry("tenant", "acme"));
	}

	@Test
	void replyCarriesTheRequestsCorrelationIdUnlessItHasItsOwn() {
		WireMessage reply = new WireMessage(new byte[] { 1 }, null, "text/plain", null, Map.of());
		assertThat(AmqpMessages.reply(reply, "r-1").getCorrelationId()).isEqualTo("r-1");
		assertThat(AmqpMessages.reply(reply.withCorrelationId("own"), "r-1").getCorrelationId()).isEqualTo("own");
		assertThat(AmqpMessages.reply(reply, "r-1").getDeliveryMode()).isEqualTo(1);
		assertThat(AmqpMessages.reply(reply, "r-1").getReplyTo()).isNull();
	}

	@Test
	void headersOfOtherClientsBecomeStrings() {
		Map<String, Object> table = new LinkedHashMap<>();
		table.put("text", LongStringHelper.asLongString("héllo"));
		table.put("number", 42);
		table.put("flag", true);
		table.put("bytes", "raw".getBytes(StandardCharsets.UTF_8));
		table.put("missing", null);
		AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().headers(table).build();
		WireMessage message = AmqpMessages.fromDelivery(new Envelope(1, false, "", "key"), properties, new byte[0],
				false);
		assertThat(message.headers()).containsOnly(Map.entry("text", "héllo"), Map.entry("number", "42"),
				Map.entry("flag", "true"), Map.entry("bytes", "raw"));
	}

	@Test
	void routingKeyIsTheTopicOnlyWhenAsked() {
		AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().build();
		Envelope envelope = new Envelope(1, false, "scores", "1");
		assertThat(AmqpMessages.fromDelivery(envelope, properties, new byte[0], true).topic()).isEqualTo("1");
		assertThat(AmqpMessages.fromDelivery(envelope, properties, new byte[0], false).topic()).isNull();
	}

}
