package dev.switchboard.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.switchboard.core.RetryPolicy;

/**
 * How one channel retries a listener that throws before the message takes the error path
 * (an error reply on request-reply, the dead-letter path elsewhere).
 */
public class RetryProperties {

	/**
	 * Listener invocations per message, the first included; 1 turns retries off.
	 */
	private int maxAttempts = RetryPolicy.DEFAULT.maxAttempts();

	/**
	 * Wait before the first retry.
	 */
	private Duration initialInterval = RetryPolicy.DEFAULT.initialInterval();

	/**
	 * Factor by which each further wait grows.
	 */
	private double multiplier = RetryPolicy.DEFAULT.multiplier();

	/**
	 * Longest wait between two attempts.
	 */
	private Duration maxInterval = RetryPolicy.DEFAULT.maxInterval();

	/**
	 * Exception types (and their subclasses, also as a cause) that are not retried.
	 */
	private List<Class<? extends Throwable>> nonRetryableExceptions = new ArrayList<>();

	public int getMaxAttempts() {
		return this.maxAttempts;
	}

	public void setMaxAttempts(int maxAttempts) {
		this.maxAttempts = maxAttempts;
	}

	public Duration getInitialInterval() {
		return this.initialInterval;
	}

	public void setInitialInterval(Duration initialInterval) {
		this.initialInterval = initialInterval;
	}

	public double getMultiplier() {
		return this.multiplier;
	}

	public void setMultiplier(double multiplier) {
		this.multiplier = multiplier;
	}

	public Duration getMaxInterval() {
		return this.maxInterval;
	}

	public void setMaxInterval(Duration maxInterval) {
		this.maxInterval = maxInterval;
	}

	public List<Class<? extends Throwable>> getNonRetryableExceptions() {
		return this.nonRetryableExceptions;
	}

	public void setNonRetryableExceptions(List<Class<? extends Throwable>> nonRetryableExceptions) {
		this.nonRetryableExceptions = nonRetryableExceptions;
	}

}
