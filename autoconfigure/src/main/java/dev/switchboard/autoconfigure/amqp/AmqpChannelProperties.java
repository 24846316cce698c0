package dev.switchboard.autoconfigure.amqp;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * AMQP settings of one channel, bound from {@code switchboard.channels.<name>.amqp}. The
 * defaults give at-least-once delivery. This class names no amqp-client or binder type, so
 * the channel properties bind even when the AMQP binder is absent.
 */
public class AmqpChannelProperties {

	/**
	 * Queue of a request-reply or pipeline channel, or the stem of a pair channel's two
	 * queues, instead of the channel name.
	 */
	private @Nullable String queue;

	/**
	 * Topic exchange of a pub-sub channel instead of the channel name.
	 */
	private @Nullable String exchange;

	/**
	 * Unacknowledged messages the broker hands each consumer at once.
	 */
	private int prefetch = 250;

	/**
	 * Whether the queues and exchanges the channel declares survive a broker restart.
	 */
	private boolean durable = true;

	/**
	 * Whether sent messages are written to disk; requests and replies are always transient.
	 */
	private boolean persistent = true;

	/**
	 * Whether a send waits until the broker confirms it has the message.
	 */
	private boolean confirms = true;

	/**
	 * How long a send waits for the broker's confirm before it fails.
	 */
	private Duration confirmTimeout = Duration.ofSeconds(10);

	/**
	 * Which end of a pair channel this application plays: auto (whichever is free), a or b.
	 */
	private Side side = Side.AUTO;

	/**
	 * Whether the channel dead-letters to its own exchange <stem>.dlx and queue <stem>.dlq
	 * (its consuming queues then carry x-dead-letter-exchange); when off, a message given up
	 * on is rejected and dropped unless a broker policy dead-letters it.
	 */
	private boolean deadLetterQueue = true;

	public @Nullable String getQueue() {
		return this.queue;
	}

	public void setQueue(@Nullable String queue) {
		this.queue = queue;
	}

	public @Nullable String getExchange() {
		return this.exchange;
	}

	public void setExchange(@Nullable String exchange) {
		this.exchange = exchange;
	}

	public int getPrefetch() {
		return this.prefetch;
	}

	public void setPrefetch(int prefetch) {
		this.prefetch = prefetch;
	}

	public boolean isDurable() {
		return this.durable;
	}

	public void setDurable(boolean durable) {
		this.durable = durable;
	}

	public boolean isPersistent() {
		return this.persistent;
	}

	public void setPersistent(boolean persistent) {
		this.persistent = persistent;
	}

	public boolean isConfirms() {
		return this.confirms;
	}

	public void setConfirms(boolean confirms) {
		this.confirms = confirms;
	}

	public Duration getConfirmTimeout() {
		return this.confirmTimeout;
	}

	public void setConfirmTimeout(Duration confirmTimeout) {
		this.confirmTimeout = confirmTimeout;
	}

	public Side getSide() {
		return this.side;
	}

	public void setSide(Side side) {
		this.side = side;
	}

	public boolean isDeadLetterQueue() {
		return this.deadLetterQueue;
	}

	public void setDeadLetterQueue(boolean deadLetterQueue) {
		this.deadLetterQueue = deadLetterQueue;
	}

	/**
	 * The end of a pair channel; mirrors the binder's own side type, which this class may not
	 * name.
	 */
	public enum Side {

		/**
		 * Whichever side is free when the channel is bound, a first; a third peer is refused.
		 */
		AUTO,

		/**
		 * Always side a: consume {@code <queue>.a}, send to {@code <queue>.b}; a second a waits
		 * as a standby.
		 */
		A,

		/**
		 * Always side b: consume {@code <queue>.b}, send to {@code <queue>.a}; a second b waits
		 * as a standby.
		 */
		B

	}

}
