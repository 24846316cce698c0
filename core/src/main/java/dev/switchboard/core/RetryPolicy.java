package dev.switchboard.core;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.springframework.util.Assert;

/**
 * How a channel retries a listener that throws: up to {@code maxAttempts} invocations in
 * all, waiting {@code initialInterval} before the second, each wait {@code multiplier}
 * times the previous one and never longer than {@code maxInterval}. A failure that is, or
 * is caused by, one of the {@code nonRetryable} types is not retried. When the attempts
 * are used up the message takes the channel's error path: an error reply on request-reply,
 * the dead-letter path elsewhere.
 *
 * @param maxAttempts listener invocations per message, the first one included
 * @param initialInterval the wait before the first retry
 * @param multiplier how much longer each further wait is than the one before
 * @param maxInterval the longest wait between two attempts
 * @param nonRetryable failures that go to the error path after their first attempt
 */
public record RetryPolicy(int maxAttempts, Duration initialInterval, double multiplier, Duration maxInterval,
		List<Class<? extends Throwable>> nonRetryable) {

	/**
	 * Three attempts, one second apart and then two: the defaults Spring users know from
	 * Spring Cloud Stream, long enough to ride out a brief outage of a downstream service.
	 */
	public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10),
			List.of());

	public RetryPolicy {
		Assert.isTrue(maxAttempts >= 1, () -> "Retry max attempts must be at least 1, was " + maxAttempts);
		Assert.isTrue(!initialInterval.isNegative(), "Retry initial interval must not be negative");
		Assert.isTrue(multiplier >= 1.0, () -> "Retry multiplier must be at least 1.0, was " + multiplier);
		Assert.isTrue(maxInterval.compareTo(initialInterval) >= 0,
				"Retry max interval must not be shorter than the initial interval");
		nonRetryable = List.copyOf(nonRetryable);
	}

	/**
	 * Whether a listener failure may be retried: it is not when it, or any of its causes,
	 * is one of the non-retryable types. Each cause is looked at once, so a cause chain
	 * that loops back on itself ends the search instead of looping forever.
	 * @param failure what the listener threw
	 * @return {@code true} if another attempt may succeed
	 */
	public boolean isRetryable(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
			if (isNonRetryable(cause)) {
				return false;
			}
		}
		return true;
	}

	private boolean isNonRetryable(Throwable failure) {
		for (Class<? extends Throwable> type : this.nonRetryable) {
			if (type.isInstance(failure)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * How long to wait after a failed attempt.
	 * @param attempt the attempt that failed, from 1
	 * @return the wait before the next attempt
	 */
	public Duration backoff(int attempt) {
		double millis = this.initialInterval.toMillis() * Math.pow(this.multiplier, attempt - 1);
		return (millis >= this.maxInterval.toMillis()) ? this.maxInterval : Duration.ofMillis((long) millis);
	}

}
