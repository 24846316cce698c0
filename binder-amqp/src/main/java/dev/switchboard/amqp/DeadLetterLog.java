package dev.switchboard.amqp;

import dev.switchboard.binder.DeadLetter;
import dev.switchboard.support.logging.RateLimitedLog;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * What a listener's consumers log about its dead letters, rate-limited per outcome
 * ({@link RateLimitedLog}): the first of each in full with the listener's stack trace, then
 * at most a line a minute with how many came meanwhile. A stream of poison messages then
 * costs a few log lines, not a stack trace each; the {@code deadLettered} meter and the
 * dead-letter queue still hold every one.
 */
final class DeadLetterLog {

	private static final Log logger = LogFactory.getLog(DeliveryConsumer.class);

	private final String channel;

	private final RateLimitedLog moved = new RateLimitedLog(logger);

	private final RateLimitedLog rejected = new RateLimitedLog(logger);

	private final RateLimitedLog unpublished = new RateLimitedLog(logger);

	DeadLetterLog(String channel) {
		this.channel = channel;
	}

	void moved(DeadLetter deadLetter, String queue) {
		this.moved.warn(deadLetter.describe() + "; moved to the dead-letter queue '" + queue + "'", trace(deadLetter));
	}

	void rejected(DeadLetter deadLetter) {
		this.rejected.warn(deadLetter.describe() + "; rejected: the channel has no dead-letter queue (switchboard.channels."
				+ this.channel + ".amqp.dead-letter-queue=false), so RabbitMQ drops it unless a policy dead-letters it",
				trace(deadLetter));
	}

	void unpublished(DeadLetter deadLetter, DeadLetterPublisher publisher, RuntimeException failure) {
		this.unpublished.error(deadLetter.describe() + "; could not publish it to the dead-letter exchange '"
				+ publisher.exchange() + "' (" + failure + "), so it is rejected for RabbitMQ to dead-letter it to '"
				+ publisher.queue() + "' through the queue's x-dead-letter-exchange argument, without the switchboard"
				+ " failure headers (if that exchange is gone too, RabbitMQ drops it)", trace(deadLetter));
	}

	/**
	 * The listener's failure; an undecodable payload needs no stack trace.
	 */
	private static @Nullable Throwable trace(DeadLetter deadLetter) {
		return (deadLetter.reason() == DeadLetter.Reason.LISTENER_FAILED) ? deadLetter.failure() : null;
	}

}
