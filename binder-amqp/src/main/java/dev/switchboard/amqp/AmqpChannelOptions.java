package dev.switchboard.amqp;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * The AMQP settings of one channel. The defaults give at-least-once delivery: durable
 * queues and exchanges, persistent messages and sends that return only once the broker has
 * confirmed them.
 *
 * @param queue the queue name instead of the channel name (request-reply, pipeline), or
 * the prefix of the two pair queues; {@code null} for the default
 * @param exchange the topic exchange name of a pub-sub channel instead of the channel name;
 * {@code null} for the default
 * @param prefetch how many unacknowledged messages the broker hands each consumer at once
 * @param durable whether the queues and exchanges the binder declares survive a broker
 * restart
 * @param persistent whether sent messages are written to disk (delivery mode 2);
 * requests and replies are always transient, since a reply address does not outlive its
 * connection
 * @param confirms whether a send waits for the broker's publisher confirm
 * @param confirmTimeout how long a send waits for that confirm before it fails
 * @param side which end of a pair channel this application plays
 * @param deadLetterQueue whether the channel has a dead-letter exchange {@code <stem>.dlx} and
 * queue {@code <stem>.dlq}, and its consuming queues the {@code x-dead-letter-exchange}
 * argument pointing there; when off, a message given up on is logged and rejected, so the
 * broker drops it (or dead-letters it through a policy the operator set)
 */
public record AmqpChannelOptions(@Nullable String queue, @Nullable String exchange, int prefetch, boolean durable,
		boolean persistent, boolean confirms, Duration confirmTimeout, PairSide side, boolean deadLetterQueue) {

	/**
	 * The default prefetch: enough to keep a consumer busy between acknowledgements without
	 * letting one worker hoard a long queue.
	 */
	public static final int DEFAULT_PREFETCH = 250;

	private static final AmqpChannelOptions DEFAULTS = builder().build();

	public AmqpChannelOptions {
		Assert.isTrue(prefetch > 0 && prefetch <= 65535, () -> "prefetch must be between 1 and 65535, was " + prefetch);
		Assert.isTrue(!confirmTimeout.isNegative() && !confirmTimeout.isZero(), "confirmTimeout must be positive");
	}

	/**
	 * The options a channel gets when nothing is configured for it.
	 * @return the defaults
	 */
	public static AmqpChannelOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * A builder holding the defaults.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds {@link AmqpChannelOptions}; every setter is optional.
	 */
	public static final class Builder {

		private @Nullable String queue;

		private @Nullable String exchange;

		private int prefetch = DEFAULT_PREFETCH;

		private boolean durable = true;

		private boolean persistent = true;

		private boolean confirms = true;

		private Duration confirmTimeout = Duration.ofSeconds(10);

		private PairSide side = PairSide.AUTO;

		private boolean deadLetterQueue = true;

		private Builder() {
		}

		public Builder queue(@Nullable String queue) {
			this.queue = queue;
			return this;
		}

		public Builder exchange(@Nullable String exchange) {
			this.exchange = exchange;
			return this;
		}

		public Builder prefetch(int prefetch) {
			this.prefetch = prefetch;
			return this;
		}

		public Builder durable(boolean durable) {
			this.durable = durable;
			return this;
		}

		public Builder persistent(boolean persistent) {
			this.persistent = persistent;
			return this;
		}

		public Builder confirms(boolean confirms) {
			this.confirms = confirms;
			return this;
		}

		public Builder confirmTimeout(Duration confirmTimeout) {
			this.confirmTimeout = confirmTimeout;
			return this;
		}

		public Builder side(PairSide side) {
			this.side = side;
			return this;
		}

		public Builder deadLetterQueue(boolean deadLetterQueue) {
			this.deadLetterQueue = deadLetterQueue;
			return this;
		}

		public AmqpChannelOptions build() {
			return new AmqpChannelOptions(this.queue, this.exchange, this.prefetch, this.durable, this.persistent,
					this.confirms, this.confirmTimeout, this.side, this.deadLetterQueue);
		}

	}

}
