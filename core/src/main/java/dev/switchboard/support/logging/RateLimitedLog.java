package dev.switchboard.support.logging;

import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

/**
 * Logs one kind of event that may repeat on every message (a dead letter, a malformed
 * frame, a failing handler) without letting a flood of them flood the log. The first
 * occurrence is logged in full, with its stack trace; after that at most one line per
 * interval, without the stack trace, saying how many were suppressed since the last line.
 * The suppressed ones go to debug level, in full. Counts are reported on the next line
 * logged, so a burst that stops shows up in the log only as its first line; the binders'
 * meters count every event.
 *
 * <p>Thread-safe. Use one instance per kind of event and per channel, so that one noisy
 * channel does not hide another's first stack trace. Internal to Switchboard's binders;
 * not an API for applications.
 */
public final class RateLimitedLog {

	/**
	 * The interval used when none is given: one line a minute at most.
	 */
	public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

	private static final long FIRST = -1;

	private static final long SUPPRESS = -2;

	private final Log logger;

	private final long intervalNanos;

	private final LongSupplier nanoClock;

	private boolean started;

	private long lastLogged;

	private long suppressed;

	/**
	 * Create a log that writes at most one line per {@link #DEFAULT_INTERVAL}.
	 * @param logger where the lines go
	 */
	public RateLimitedLog(Log logger) {
		this(logger, DEFAULT_INTERVAL);
	}

	/**
	 * Create a log that writes at most one line per interval.
	 * @param logger where the lines go
	 * @param interval the shortest time between two lines; zero logs every event
	 */
	public RateLimitedLog(Log logger, Duration interval) {
		this(logger, interval, System::nanoTime);
	}

	RateLimitedLog(Log logger, Duration interval, LongSupplier nanoClock) {
		if (interval.isNegative()) {
			throw new IllegalArgumentException("The interval must not be negative, but was " + interval);
		}
		this.logger = logger;
		this.intervalNanos = interval.toNanos();
		this.nanoClock = nanoClock;
	}

	/**
	 * Log an event at warn level, or count it if a line was logged less than an interval ago.
	 * @param message what happened
	 * @param failure its cause, whose stack trace goes with the first line only
	 */
	public void warn(String message, @Nullable Throwable failure) {
		log(message, failure, this.logger.isWarnEnabled(), this.logger::warn);
	}

	/**
	 * Log an event at error level, or count it if a line was logged less than an interval ago.
	 * @param message what happened
	 * @param failure its cause, whose stack trace goes with the first line only
	 */
	public void error(String message, @Nullable Throwable failure) {
		log(message, failure, this.logger.isErrorEnabled(), this.logger::error);
	}

	private void log(String message, @Nullable Throwable failure, boolean enabled,
			BiConsumer<Object, @Nullable Throwable> level) {
		long suppressedBefore = admit();
		if (suppressedBefore == SUPPRESS) {
			if (this.logger.isDebugEnabled()) {
				this.logger.debug(message, failure);
			}
		}
		else if (enabled) {
			level.accept(line(message, suppressedBefore), (suppressedBefore == FIRST) ? failure : null);
		}
	}

	/**
	 * Decide about one event: {@link #FIRST}, {@link #SUPPRESS}, or log it saying how many
	 * were suppressed since the last line.
	 */
	private synchronized long admit() {
		long now = this.nanoClock.getAsLong();
		if (!this.started) {
			this.started = true;
			this.lastLogged = now;
			return FIRST;
		}
		if (now - this.lastLogged < this.intervalNanos) {
			this.suppressed++;
			return SUPPRESS;
		}
		long count = this.suppressed;
		this.suppressed = 0;
		this.lastLogged = now;
		return count;
	}

	private String line(String message, long suppressedBefore) {
		long seconds = Math.max(1, Duration.ofNanos(this.intervalNanos).toSeconds());
		if (suppressedBefore == FIRST) {
			return (this.intervalNanos == 0) ? message
					: message + " (more like this are logged at most once every " + seconds + " s, with a count)";
		}
		return (suppressedBefore == 0) ? message
				: message + " (" + suppressedBefore + " more like this since the last such line, logged at debug level)";
	}

}
