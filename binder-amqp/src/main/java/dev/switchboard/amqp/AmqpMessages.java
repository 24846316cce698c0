package dev.switchboard.amqp;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
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
	 * The properties of a message sent to a queue or an exchange.
	 * @param message the message
	 * @param persistent whether the broker should write it to disk
	 * @return the properties
	 */
	static AMQP.BasicProperties properties(WireMessage message, boolean persistent) {
		return builder(message, message.correlationId(), persistent).build();
	}

	/**
	 * The properties of a request: transient, answered at {@code replyTo}, and expiring from
	 * its queue when its caller stops waiting.
	 * @param request the request
	 * @param correlationId the id its reply will carry
	 * @param replyTo where the reply goes
	 * @param expiration how long it may wait in the queue, in milliseconds as text
	 * @return the properties
	 */
	static AMQP.BasicProperties request(WireMessage request, String correlationId, String replyTo,
			String expiration) {
		return builder(request, correlationId, false).replyTo(replyTo).expiration(expiration).build();
	}

	/**
	 * The properties of a reply: transient, with the request's correlation id unless the
	 * handler set one of its own.
	 * @param reply what the handler returned
	 * @param requestCorrelationId the request's correlation id
	 * @return the properties
	 */
	static AMQP.BasicProperties reply(WireMessage reply, @Nullable String requestCorrelationId) {
		return builder(reply, (reply.correlationId() != null) ? reply.correlationId() : requestCorrelationId, false)
			.build();
	}

	/**
	 * The properties every outgoing message has. The properties copy the headers table they
	 * are given, so the message's own map is handed over, not a copy of it.
	 */
	private static AMQP.BasicProperties.Builder builder(WireMessage message, @Nullable String correlationId,
			boolean persistent) {
		return new AMQP.BasicProperties.Builder().contentType(message.contentType())
			.correlationId(correlationId)
			.deliveryMode(persistent ? PERSISTENT : TRANSIENT)
			.headers(message.headers().isEmpty() ? null : Collections.unmodifiableMap(message.headers()));
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
