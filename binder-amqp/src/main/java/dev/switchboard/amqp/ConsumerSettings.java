package dev.switchboard.amqp;

import com.rabbitmq.client.Channel;

import org.jspecify.annotations.Nullable;

/**
 * How a listener consumes: what queue to declare, how many consumers, with what prefetch.
 *
 * @param declaration declares the queue (and whatever it hangs off) on the first consumer's
 * channel, returning its name
 * @param concurrency how many consumers, each on its own AMQP channel
 * @param prefetch the unacknowledged-message limit of each consumer
 * @param withTopic whether the routing key is the message's topic
 * @param deadLetters publishes the messages the handler gives up on, or {@code null} when
 * the channel has no dead-letter queue (they are rejected)
 */
record ConsumerSettings(QueueDeclaration declaration, int concurrency, int prefetch, boolean withTopic,
		@Nullable DeadLetterPublisher deadLetters) {

	/**
	 * Declares a listener's queue.
	 */
	@FunctionalInterface
	interface QueueDeclaration {

		/**
		 * Declare the queue on a channel that stays open while the listener runs, so
		 * automatic recovery can declare it again.
		 * @param amqp the channel
		 * @return the queue name
		 */
		String declare(Channel amqp);

	}

}
