package dev.switchboard.listener;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The wait between two attempts at a message. It ends early, for every thread waiting, when
 * the listener stops, and it never interrupts the thread: binder threads may own sockets
 * that an interrupt would break.
 */
final class Backoff {

	private final CountDownLatch stopped = new CountDownLatch(1);

	/**
	 * Wait before the next attempt.
	 * @param wait how long
	 * @return {@code true} to make the next attempt, {@code false} if the listener stopped or
	 * the thread was interrupted meanwhile
	 */
	boolean await(Duration wait) {
		try {
			return !this.stopped.await(wait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	void stop() {
		this.stopped.countDown();
	}

}
