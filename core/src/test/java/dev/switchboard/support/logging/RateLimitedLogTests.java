package dev.switchboard.support.logging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RateLimitedLogTests {

	private final AtomicLong now = new AtomicLong(1_000);

	private final RecordingLog logger = new RecordingLog();

	private final RateLimitedLog log = new RateLimitedLog(this.logger, Duration.ofSeconds(60), this.now::get);

	private final IllegalStateException failure = new IllegalStateException("boom");

	@Test
	void firstEventIsLoggedWithItsStackTraceAndSaysTheRestAreRateLimited() {
		this.log.warn("dead letter 1", this.failure);
		assertThat(this.logger.lines).singleElement().satisfies((line) -> {
			assertThat(line.level()).isEqualTo("WARN");
			assertThat(line.message()).startsWith("dead letter 1")
				.contains("at most once every 60 s");
			assertThat(line.failure()).isSameAs(this.failure);
		});
	}

	@Test
	void eventsWithinTheIntervalGoToDebugAndTheNextLineCountsThemWithoutAStackTrace() {
		this.logger.debug = true;
		this.log.warn("dead letter 1", this.failure);
		for (int i = 2; i <= 1000; i++) {
			this.now.addAndGet(Duration.ofMillis(10).toNanos());
			this.log.warn("dead letter " + i, this.failure);
		}
		this.now.addAndGet(Duration.ofSeconds(60).toNanos());
		this.log.warn("dead letter 1001", this.failure);
		List<Line> warnings = this.logger.at("WARN");
		assertThat(warnings).hasSize(2);
		assertThat(warnings.get(1).message()).isEqualTo("dead letter 1001 (999 more like this since the last such"
				+ " line, logged at debug level)");
		assertThat(warnings.get(1).failure()).as("the stack trace goes with the first line only").isNull();
		assertThat(this.logger.at("DEBUG")).hasSize(999)
			.allSatisfy((line) -> assertThat(line.failure()).isSameAs(this.failure));
	}

	@Test
	void intervalRestartsAtEachLineLogged() {
		this.log.error("e1", this.failure);
		this.now.addAndGet(Duration.ofSeconds(61).toNanos());
		this.log.error("e2", this.failure);
		this.now.addAndGet(Duration.ofSeconds(30).toNanos());
		this.log.error("e3", this.failure);
		this.now.addAndGet(Duration.ofSeconds(31).toNanos());
		this.log.error("e4", this.failure);
		assertThat(this.logger.at("ERROR")).extracting(Line::message)
			.containsExactly("e1 (more like this are logged at most once every 60 s, with a count)", "e2",
					"e4 (1 more like this since the last such line, logged at debug level)");
		assertThat(this.logger.at("DEBUG")).as("debug is off: nothing built for it").isEmpty();
	}

	@Test
	void zeroIntervalLogsEveryEventButTheStackTraceOnlyOnce() {
		RateLimitedLog everyEvent = new RateLimitedLog(this.logger, Duration.ZERO, this.now::get);
		everyEvent.warn("a", this.failure);
		everyEvent.warn("b", this.failure);
		assertThat(this.logger.lines).extracting(Line::message).containsExactly("a", "b");
		assertThat(this.logger.lines).extracting(Line::failure).containsExactly(this.failure, null);
	}

	@Test
	void concurrentEventsAreEachEitherLoggedOrCounted() throws Exception {
		RateLimitedLog shared = new RateLimitedLog(this.logger, Duration.ofHours(1));
		this.logger.debug = true;
		int threads = 8;
		int perThread = 5_000;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		for (int t = 0; t < threads; t++) {
			pool.execute(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				for (int i = 0; i < perThread; i++) {
					shared.warn("event", this.failure);
				}
			});
		}
		start.countDown();
		pool.shutdown();
		assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		assertThat(this.logger.at("WARN")).hasSize(1);
		assertThat(this.logger.at("DEBUG")).hasSize(threads * perThread - 1);
	}

	@Test
	void negativeIntervalIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitedLog(this.logger, Duration.ofSeconds(-1)))
			.withMessageContaining("must not be negative");
	}

	record Line(String level, String message, @Nullable Throwable failure) {

	}

	/**
	 * A commons-logging {@link Log} that records what reaches it; warn and error are on,
	 * debug only when asked.
	 */
	static final class RecordingLog implements Log {

		final List<Line> lines = new ArrayList<>();

		volatile boolean debug;

		synchronized List<Line> at(String level) {
			return this.lines.stream().filter((line) -> line.level().equals(level)).toList();
		}

		private synchronized void record(String level, Object message, @Nullable Throwable failure) {
			this.lines.add(new Line(level, String.valueOf(message), failure));
		}

		@Override
		public boolean isDebugEnabled() {
			return this.debug;
		}

		@Override
		public boolean isErrorEnabled() {
			return true;
		}

		@Override
		public boolean isFatalEnabled() {
			return true;
		}

		@Override
		public boolean isInfoEnabled() {
			return true;
		}

		@Override
		public boolean isTraceEnabled() {
			return false;
		}

		@Override
		public boolean isWarnEnabled() {
			return true;
		}

		@Override
		public void trace(Object message) {
			record("TRACE", message, null);
		}

		@Override
		public void trace(Object message, @Nullable Throwable t) {
			record("TRACE", message, t);
		}

		@Override
		public void debug(Object message) {
			record("DEBUG", message, null);
		}

		@Override
		public void debug(Object message, @Nullable Throwable t) {
			record("DEBUG", message, t);
		}

		@Override
		public void info(Object message) {
			record("INFO", message, null);
		}

		@Override
		public void info(Object message, @Nullable Throwable t) {
			record("INFO", message, t);
		}

		@Override
		public void warn(Object message) {
			record("WARN", message, null);
		}

		@Override
		public void warn(Object message, @Nullable Throwable t) {
			record("WARN", message, t);
		}

		@Override
		public void error(Object message) {
			record("ERROR", message, null);
		}

		@Override
		public void error(Object message, @Nullable Throwable t) {
			record("ERROR", message, t);
		}

		@Override
		public void fatal(Object message) {
			record("FATAL", message, null);
		}

		@Override
		public void fatal(Object message, @Nullable Throwable t) {
			record("FATAL", message, t);
		}

	}

}
