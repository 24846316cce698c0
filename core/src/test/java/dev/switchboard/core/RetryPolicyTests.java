package dev.switchboard.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RetryPolicyTests {

	@Test
	void backoffGrowsByTheMultiplierUpToTheMaxInterval() {
		RetryPolicy policy = new RetryPolicy(6, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(5), List.of());
		assertThat(List.of(policy.backoff(1), policy.backoff(2), policy.backoff(3), policy.backoff(4)))
			.containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5));
	}

	@Test
	void failureIsNotRetryableWhenItOrACauseIsAMarkedType() {
		RetryPolicy policy = new RetryPolicy(3, Duration.ZERO, 1.0, Duration.ZERO, List.of(IOException.class));
		assertThat(policy.isRetryable(new IllegalStateException("x"))).isTrue();
		assertThat(policy.isRetryable(new java.io.FileNotFoundException("x"))).as("a subclass").isFalse();
		assertThat(policy.isRetryable(new UncheckedIOException(new IOException("x")))).as("a cause").isFalse();
	}

	@Test
	@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void causeChainThatLoopsBackEndsTheSearch() {
		RetryPolicy policy = new RetryPolicy(3, Duration.ZERO, 1.0, Duration.ZERO, List.of(IOException.class));
		IllegalStateException first = new IllegalStateException("first");
		IllegalArgumentException second = new IllegalArgumentException("second");
		first.initCause(second);
		second.initCause(first);
		assertThat(policy.isRetryable(first)).isTrue();
		IOException marked = new IOException("marked");
		IllegalStateException outer = new IllegalStateException("outer", marked);
		marked.initCause(outer);
		assertThat(policy.isRetryable(outer)).as("a marked type inside the loop").isFalse();
	}

	@Test
	void defaultsAreThreeAttemptsOneSecondApartDoubling() {
		assertThat(RetryPolicy.DEFAULT.maxAttempts()).isEqualTo(3);
		assertThat(RetryPolicy.DEFAULT.backoff(2)).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void settingsThatCannotWorkAreRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetryPolicy(0, Duration.ZERO, 1.0, Duration.ZERO, List.of()))
			.withMessageContaining("max attempts");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), 1.0, Duration.ofSeconds(1), List.of()))
			.withMessageContaining("max interval");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetryPolicy(3, Duration.ZERO, 0.5, Duration.ZERO, List.of()))
			.withMessageContaining("multiplier");
	}

}
