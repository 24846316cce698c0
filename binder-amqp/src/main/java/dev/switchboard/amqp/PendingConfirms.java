package dev.switchboard.amqp;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.Return;
import com.rabbitmq.client.ShutdownSignalException;
import dev.switchboard.BindingException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The publishes on one {@link PublisherLane} that the broker has not confirmed yet, by
 * publish sequence number. Each one's future completes on the broker's ack and fails on its
 * nack, on a {@code basic.return} of a mandatory message no queue took, or when the channel
 * shuts down before the confirm.
 *
 * <p>A return names no sequence number, but it arrives before the ack of the same publish.
 * So a mandatory publish made while nothing else is unconfirmed goes out as it is: until its
 * ack it is the only unconfirmed publish without a sequence header, and a return without one
 * is its return. A mandatory publish made while others are unconfirmed carries its sequence
 * number in the {@value #PUBLISH_SEQUENCE} header, which ties its return to it. A sender
 * that waits for each confirm before the next, as {@code send} does, adds the header only
 * when other threads publish on the same lane at the same time; sparing the header spares
 * building a second set of properties per message, and the headers table on the wire.
 */
final class PendingConfirms implements ConfirmListener {

	/**
	 * The header that carries a mandatory publish's sequence number on its channel.
	 */
	static final String PUBLISH_SEQUENCE = "switchboard-publish-seq";

	/**
	 * No publish: sequence numbers start at 1.
	 */
	private static final long NONE = 0;

	private static final Log logger = LogFactory.getLog(PendingConfirms.class);

	private final ConcurrentNavigableMap<Long, CompletableFuture<Void>> unconfirmed = new ConcurrentSkipListMap<>();

	/**
	 * The last mandatory publish sent without the header; once it is confirmed, the next
	 * one replaces it.
	 */
	private volatile long untagged = NONE;

	/**
	 * Track a publish about to be made. Publishes on a lane are made one at a time, each
	 * added here before it is sent.
	 * @param sequence its publish sequence number on the channel
	 * @param confirmed the future to settle
	 * @param mandatory whether the broker may return it
	 * @param properties its properties
	 * @return the properties to publish it with: these, or a copy with the sequence header
	 */
	AMQP.BasicProperties add(long sequence, CompletableFuture<Void> confirmed, boolean mandatory,
			AMQP.BasicProperties properties) {
		boolean alone = this.unconfirmed.isEmpty();
		this.unconfirmed.put(sequence, confirmed);
		if (!mandatory) {
			return properties;
		}
		if (alone && !carriesSequence(properties)) {
			this.untagged = sequence;
			return properties;
		}
		return withSequence(properties, sequence);
	}

	/**
	 * Stop tracking a publish that failed before it was sent.
	 * @param sequence its sequence number
	 */
	void remove(long sequence) {
		this.unconfirmed.remove(sequence);
	}

	/**
	 * A dead letter keeps the headers of the message it replaces, this one included: such a
	 * copy is sent with its own number, or its return would name a stale one.
	 */
	private static boolean carriesSequence(AMQP.BasicProperties properties) {
		Map<String, Object> headers = properties.getHeaders();
		return headers != null && headers.containsKey(PUBLISH_SEQUENCE);
	}

	private static AMQP.BasicProperties withSequence(AMQP.BasicProperties properties, long sequence) {
		Map<String, Object> headers = (properties.getHeaders() != null) ? new HashMap<>(properties.getHeaders())
				: new HashMap<>(2);
		headers.put(PUBLISH_SEQUENCE, sequence);
		return properties.builder().headers(headers).build();
	}

	/**
	 * Fail the send of a mandatory message that no queue took. It arrives before the ack of
	 * the same publish, which then finds nothing left to complete.
	 * @param returned the returned message
	 */
	void returned(Return returned) {
		Map<String, Object> headers = returned.getProperties().getHeaders();
		Object tag = (headers != null) ? headers.get(PUBLISH_SEQUENCE) : null;
		long sequence = (tag instanceof Number number) ? number.longValue() : this.untagged;
		CompletableFuture<Void> confirmed = this.unconfirmed.remove(sequence);
		String reason = "no queue took the message sent to exchange '" + returned.getExchange() + "' with routing key '"
				+ returned.getRoutingKey() + "' (" + returned.getReplyCode() + " " + returned.getReplyText() + ")";
		if (confirmed != null) {
			confirmed.completeExceptionally(new BindingException("RabbitMQ returned the message: " + reason
					+ "; the queue was deleted or never declared, so nothing was delivered"));
		}
		else {
			logger.warn("RabbitMQ returned a message after its send had completed: " + reason);
		}
	}

	/**
	 * Fail every unconfirmed publish of a channel that shut down: their sequence numbers mean
	 * nothing to the channel that replaces it.
	 * @param cause why the channel shut down
	 */
	void failAll(ShutdownSignalException cause) {
		Map.Entry<Long, CompletableFuture<Void>> entry;
		while ((entry = this.unconfirmed.pollFirstEntry()) != null) {
			String message = "The AMQP channel closed before RabbitMQ confirmed the message, so it may or may not have"
					+ " arrived: " + cause.getMessage();
			entry.getValue()
				.completeExceptionally(cause.isHardError() ? new ConnectionLostException(message, cause)
						: new BindingException(message, cause));
		}
	}

	@Override
	public void handleAck(long sequence, boolean multiple) {
		settle(sequence, multiple, null);
	}

	@Override
	public void handleNack(long sequence, boolean multiple) {
		settle(sequence, multiple, new BindingException("RabbitMQ rejected the message (basic.nack): the queue may have hit"
				+ " its length limit, or the broker failed to store it; send it again"));
	}

	private void settle(long sequence, boolean multiple, @Nullable BindingException failure) {
		if (multiple) {
			Map<Long, CompletableFuture<Void>> settled = this.unconfirmed.headMap(sequence, true);
			settled.values().forEach((confirmed) -> complete(confirmed, failure));
			settled.clear();
		}
		else {
			CompletableFuture<Void> confirmed = this.unconfirmed.remove(sequence);
			if (confirmed != null) {
				complete(confirmed, failure);
			}
		}
	}

	private static void complete(CompletableFuture<Void> confirmed, @Nullable BindingException failure) {
		if (failure != null) {
			confirmed.completeExceptionally(failure);
		}
		else {
			confirmed.complete(null);
		}
	}

}
