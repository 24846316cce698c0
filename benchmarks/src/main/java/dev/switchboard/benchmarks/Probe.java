package dev.switchboard.benchmarks;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Counts the messages a subject's receiving side actually got, and when the last one came:
 * throughput is measured here, never from what was sent. Every subject calls it the same
 * way, so its own cost (one atomic increment, one volatile write) is the same for all.
 */
public final class Probe {

	private final AtomicLong received = new AtomicLong();

	private volatile long lastNanos = System.nanoTime();

	/**
	 * Record one received message (or one completed round trip).
	 */
	public void received() {
		this.received.incrementAndGet();
		this.lastNanos = System.nanoTime();
	}

	long count() {
		return this.received.get();
	}

	long lastNanos() {
		return this.lastNanos;
	}

	void reset() {
		this.received.set(0);
		this.lastNanos = System.nanoTime();
	}

	/**
	 * Wait until {@code expected} messages arrived, or until none arrived for {@code quiet}.
	 * @param expected the count to wait for
	 * @param quiet how long without progress ends the wait
	 * @return whether the count was reached
	 */
	boolean await(long expected, Duration quiet) {
		long seen = count();
		long progressAt = System.nanoTime();
		while (seen < expected) {
			LockSupport.parkNanos(200_000);
			long now = count();
			if (now != seen) {
				seen = now;
				progressAt = System.nanoTime();
			}
			else if (System.nanoTime() - progressAt > quiet.toNanos()) {
				return false;
			}
		}
		return true;
	}

}
