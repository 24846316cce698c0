package dev.switchboard.amqp;

import java.io.IOException;
import java.util.Locale;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import com.rabbitmq.client.impl.recovery.AutorecoveringChannel;
import dev.switchboard.binder.DeadLetter;
import dev.switchboard.binder.DeadLetterException;
import dev.switchboard.binder.InboundHandler;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.WireMessage;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Calls the handler for each delivery on the consumer's own dispatch thread, sends what it
 * returns, and acknowledges only then, so a listener that dies mid-message leaves the
 * message with the broker for redelivery. A message the handler gives up on
 * ({@link DeadLetterException}) is published to the channel's dead-letter exchange with its
 * failure headers and acknowledged once the broker confirmed that copy; if the copy cannot
 * be published, whatever the failure, the original is rejected without requeueing, and the
 * broker dead-letters it through the queue's {@code x-dead-letter-exchange} argument, without
 * the failure headers (if that exchange is gone, the broker drops it). Dead letters are
 * logged rate-limited ({@link DeadLetterLog}).
 */
final class DeliveryConsumer extends DefaultConsumer {

	private static final Log logger = LogFactory.getLog(DeliveryConsumer.class);

	private final ChannelSpec channel;

	private final InboundHandler handler;

	private final ReplySender replies;

	private final boolean withTopic;

	private final @Nullable DeadLetterPublisher deadLetters;

	private final DeadLetterLog deadLetterLog;

	private final Runnable cancelled;

	DeliveryConsumer(Channel amqp, ChannelSpec channel, InboundHandler handler, ReplySender replies,
			boolean withTopic, @Nullable DeadLetterPublisher deadLetters, DeadLetterLog deadLetterLog,
			Runnable cancelled) {
		super(amqp);
		this.channel = channel;
		this.handler = handler;
		this.replies = replies;
		this.withTopic = withTopic;
		this.deadLetters = deadLetters;
		this.deadLetterLog = deadLetterLog;
		this.cancelled = cancelled;
	}

	@Override
	public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
			throws IOException {
		WireMessage message = AmqpMessages.fromDelivery(envelope, properties, body, this.withTopic);
		@Nullable WireMessage reply;
		try {
			reply = this.handler.handle(message);
		}
		catch (DeadLetterException ex) {
			deadLetter(envelope, properties, ex.getDeadLetter());
			return;
		}
		catch (RuntimeException | Error ex) {
			// Core's handler contains listener failures; reaching here is a defect, so do not redeliver in a loop.
			logger.error("Channel '" + this.channel.name() + "': the handler threw; rejecting the message", ex);
			settle(envelope, Settlement.REJECT);
			return;
		}
		if (reply != null) {
			sendReply(properties, reply);
		}
		settle(envelope, Settlement.ACK);
	}

	private void deadLetter(Envelope envelope, AMQP.BasicProperties properties, DeadLetter deadLetter) {
		DeadLetterPublisher publisher = this.deadLetters;
		if (publisher == null) {
			this.deadLetterLog.rejected(deadLetter);
			settle(envelope, Settlement.REJECT);
			return;
		}
		try {
			publisher.publish(envelope, properties, deadLetter);
		}
		catch (RuntimeException ex) {
			// Any failure, not only BindingException: one escaping handleDelivery closes the channel and the
			// message comes back to fail again.
			this.deadLetterLog.unpublished(deadLetter, publisher, ex);
			settle(envelope, Settlement.REJECT);
			return;
		}
		this.deadLetterLog.moved(deadLetter, publisher.queue());
		settle(envelope, Settlement.ACK);
	}

	/**
	 * Acknowledge or reject a delivery. When the channel has closed meanwhile (the binding
	 * stopped, the connection dropped) the broker already took the message back and delivers
	 * it again, so that is logged, not thrown: amqp-client would close the channel for a
	 * consumer that throws.
	 */
	private void settle(Envelope envelope, Settlement settlement) {
		try {
			if (settlement == Settlement.ACK) {
				getChannel().basicAck(envelope.getDeliveryTag(), false);
			}
			else {
				getChannel().basicReject(envelope.getDeliveryTag(), false);
			}
		}
		catch (IOException | ShutdownSignalException ex) {
			logger.info("Channel '" + this.channel.name() + "': could not " + settlement.name().toLowerCase(Locale.ROOT)
					+ " a message because its AMQP channel closed (" + BrokerFailures.reason(ex)
					+ "); RabbitMQ delivers it again");
		}
	}

	private void sendReply(AMQP.BasicProperties request, WireMessage reply) {
		try {
			this.replies.send(request, reply);
		}
		catch (RuntimeException ex) {
			this.channel.statistics().dropped();
			logger.warn("Channel '" + this.channel.name() + "': could not send the listener's reply: " + ex.getMessage());
		}
	}

	private enum Settlement {

		ACK, REJECT

	}

	@Override
	public void handleCancel(String consumerTag) {
		logger.warn("Channel '" + this.channel.name() + "': RabbitMQ cancelled consumer " + consumerTag
				+ " (was its queue deleted?); declaring the queue again and re-subscribing");
		forgetForRecovery(consumerTag);
		this.cancelled.run();
	}

	/**
	 * Drop a consumer the broker cancelled from what automatic recovery restores. amqp-client
	 * forgets a consumer only when the client cancels it or closes its channel, so after a
	 * connection loss it would start the cancelled one again, with its old tag, next to the
	 * one {@link #handleCancel} subscribes instead.
	 */
	private void forgetForRecovery(String consumerTag) {
		if (getChannel() instanceof AutorecoveringChannel recovering) {
			recovering.deleteRecordedConsumer(consumerTag);
		}
	}

}
