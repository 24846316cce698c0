package dev.switchboard.amqp;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Envelope;
import dev.switchboard.binder.DeadLetter;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.WireMessage;

/**
 * Publishes a channel's dead letters to its dead-letter exchange and waits for the broker's
 * confirm, so a consumer acknowledges the original only once its dead letter is safe. A
 * dead letter keeps the original body and properties (headers of any type included) and
 * gains the {@code switchboard-*} failure headers; it loses its {@code expiration}, so that
 * it stays in the dead-letter queue until someone looks at it.
 */
final class DeadLetterPublisher {

	private static final int PERSISTENT = 2;

	private final ChannelSpec channel;

	private final PublisherLanes lanes;

	private final String exchange;

	private final String queue;

	private final boolean persistent;

	private final Duration confirmTimeout;

	DeadLetterPublisher(ChannelSpec channel, AmqpChannelOptions options, PublisherLanes lanes) {
		this.channel = channel;
		this.lanes = lanes;
		this.exchange = AmqpNames.deadLetterExchange(channel, options);
		this.queue = AmqpNames.deadLetterQueue(channel, options);
		this.persistent = options.persistent();
		this.confirmTimeout = options.confirmTimeout();
	}

	/**
	 * Publish a dead letter and wait for its confirm.
	 * @param envelope the original delivery's envelope; its routing key is kept
	 * @param original the original delivery's properties
	 * @param deadLetter the dead letter
	 * @throws dev.switchboard.BindingException if the broker did not confirm it
	 */
	void publish(Envelope envelope, AMQP.BasicProperties original, DeadLetter deadLetter) {
		WireMessage rendered = deadLetter.toWireMessage();
		Map<String, Object> headers = (original.getHeaders() != null) ? new LinkedHashMap<>(original.getHeaders())
				: new LinkedHashMap<>();
		Map<String, String> received = deadLetter.message().headers();
		rendered.headers().forEach((name, value) -> {
			if (!value.equals(received.get(name))) {
				headers.put(name, value);
			}
		});
		AMQP.BasicProperties.Builder properties = original.builder().headers(headers).expiration(null);
		if (this.persistent) {
			properties.deliveryMode(PERSISTENT);
		}
		AmqpOutboundBinding.awaitConfirm(this.channel.name(), this.confirmTimeout, this.lanes.gate(),
				this.lanes.publish(this.exchange, envelope.getRoutingKey(), true, properties.build(), rendered.payload()));
	}

	/**
	 * Where dead letters end up, for log lines.
	 * @return the queue name
	 */
	String queue() {
		return this.queue;
	}

	/**
	 * The exchange dead letters are published to, for log lines.
	 * @return the exchange name
	 */
	String exchange() {
		return this.exchange;
	}

}
