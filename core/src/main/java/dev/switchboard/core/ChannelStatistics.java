package dev.switchboard.core;

import java.util.concurrent.atomic.LongAdder;

/**
 * Running counts for one channel, shared by the template, the listeners and the binder.
 * Counting uses {@link LongAdder}s, so it never contends on the hot path; meters and the
 * actuator endpoint read these counts.
 */
public final class ChannelStatistics {

	private final LongAdder sent = new LongAdder();

	private final LongAdder received = new LongAdder();

	private final LongAdder failed = new LongAdder();

	private final LongAdder retried = new LongAdder();

	private final LongAdder deadLettered = new LongAdder();

	private final LongAdder malformed = new LongAdder();

	private final LongAdder dropped = new LongAdder();

	private final LongAdder timedOut = new LongAdder();

	private final LongAdder rejectedPeers = new LongAdder();

	/**
	 * Count a message handed to the transport.
	 */
	public void sent() {
		this.sent.increment();
	}

	/**
	 * Count a message delivered to a listener.
	 */
	public void received() {
		this.received.increment();
	}

	/**
	 * Count a message whose listener threw.
	 */
	public void failed() {
		this.failed.increment();
	}

	/**
	 * Count one more attempt at a message whose listener threw: the first delivery is
	 * counted as received, each retry after it here.
	 */
	public void retried() {
		this.retried.increment();
	}

	/**
	 * Count a message handed to the dead-letter path: its retries were exhausted, its
	 * failure was not retryable, or it could not be decoded.
	 */
	public void deadLettered() {
		this.deadLettered.increment();
	}

	/**
	 * Count a message that could not be decoded: a malformed frame, an unknown content type
	 * or an undecodable payload.
	 */
	public void malformed() {
		this.malformed.increment();
	}

	/**
	 * Count a message the transport dropped: a late reply, or a message past a high-water
	 * mark.
	 */
	public void dropped() {
		this.dropped.increment();
	}

	/**
	 * Count messages the transport lost together, such as a gap in a publisher's sequence
	 * numbers seen by a subscriber.
	 * @param count how many
	 */
	public void dropped(long count) {
		this.dropped.add(count);
	}

	/**
	 * Count a request that got no reply in time.
	 */
	public void timedOut() {
		this.timedOut.increment();
	}

	/**
	 * Count a peer the transport disconnected because it spoke something other than the
	 * protocol, such as a bogus handshake or an oversized frame.
	 */
	public void rejectedPeer() {
		this.rejectedPeers.increment();
	}

	public long getSent() {
		return this.sent.sum();
	}

	public long getReceived() {
		return this.received.sum();
	}

	public long getFailed() {
		return this.failed.sum();
	}

	public long getRetried() {
		return this.retried.sum();
	}

	public long getDeadLettered() {
		return this.deadLettered.sum();
	}

	public long getMalformed() {
		return this.malformed.sum();
	}

	public long getDropped() {
		return this.dropped.sum();
	}

	public long getTimedOut() {
		return this.timedOut.sum();
	}

	public long getRejectedPeers() {
		return this.rejectedPeers.sum();
	}

}
