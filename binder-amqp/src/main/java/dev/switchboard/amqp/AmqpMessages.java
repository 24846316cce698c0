package dev.switchboard.amqp;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Envelope;
import dev.switchboard.core.WireMessage;

import org.jspecify.annotations.Nullable;

/**
 * Maps {@link WireMessage}s to AMQP messages and back: the payload is the body, the content
 * type, correlation id and reply address are the standard properties, and user headers go
 * into the headers table as strings, so that pika or Spring AMQP programs read and write the
 * same messages.
 */
final class AmqpMessages {

	/**
	 * Delivery mode of a message the broker writes to disk.
	 */
	private static final int PERSISTENT = 2;

	/**
	 * Delivery mode of a message kept in memory only.
	 */
	private static final int TRANSIENT = 1;

	private AmqpMessages() {
	}

	/**
	 * The properties of an outgoing message.
	 * @param message the message
	 * @param persistent whether the broker should write it to disk
	 * @param replyTo where the reply goes, for a request
	 * @return the properties
	 */
	static AMQP.BasicProperties properties(WireMessage message, boolean persistent, @Nullable String replyTo) {
		Map<String, Object> headers = message.headers().isEmpty() ? null : new HashMap<>(message.headers());
		return new AMQP.BasicProperties.Builder().contentType(message.contentType())
			.correlationId(message.correlationId())
			.replyTo(replyTo)
			.deliveryMode(persistent ? PERSISTENT : TRANSIENT)
			.headers(headers)
			.build();
	}

	/**
	 * The message a consumer received.
	 * @param envelope the delivery's envelope; its routing key becomes the topic when asked
	 * @param properties the delivery's properties
	 * @param body the body
	 * @param withTopic whether the routing key is a topic (pub-sub)
	 * @return the message
	 */
	static WireMessage fromDelivery(Envelope envelope, AMQP.BasicProperties properties, byte[] body,
			boolean withTopic) {
		return new WireMessage(body, withTopic ? envelope.getRoutingKey() : null, properties.getContentType(),
				properties.getCorrelationId(), headers(properties.getHeaders()));
	}

	/**
	 * Read a headers table as strings. Other clients put numbers, booleans or byte arrays in
	 * it; each becomes its text, nested tables and lists their {@code toString()}. The
	 * binder's own sequence header is left out, and a table holding nothing else costs no map.
	 */
	private static Map<String, String> headers(@Nullable Map<String, Object> table) {
		if (table == null) {
			return Map.of();
		}
		Map<String, String> headers = null;
		for (Map.Entry<String, Object> header : table.entrySet()) {
			Object value = header.getValue();
			if (value != null && !header.getKey().equals(PendingConfirms.PUBLISH_SEQUENCE)) {
				headers = (headers != null) ? headers : new LinkedHashMap<>(table.size());
				headers.put(header.getKey(), (value instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8)
						: value.toString());
			}
		}
		return (headers != null) ? headers : Map.of();
	}

}
