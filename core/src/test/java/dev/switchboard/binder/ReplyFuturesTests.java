package dev.switchboard.binder;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import dev.switchboard.RequestTimeoutException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReplyFuturesTests {

	private final CompletableFuture<String> reply = new CompletableFuture<>();

	@Test
	void theCallerSeesTheReplyOnlyAfterTheActionRan() {
		AtomicReference<CompletableFuture<String>> after = new AtomicReference<>();
		AtomicBoolean doneWhileActionRan = new AtomicBoolean(true);
		after.set(ReplyFutures.afterCompletion(this.reply,
				(value, failure) -> doneWhileActionRan.set(after.get().isDone())));
		this.reply.complete("pong");
		assertThat(doneWhileActionRan).isFalse();
		assertThat(after.get()).isCompletedWithValue("pong");
	}

	@Test
	void aFailureReachesBothTheActionAndTheCallerUnwrapped() {
		AtomicReference<Throwable> seen = new AtomicReference<>();
		CompletableFuture<String> after = ReplyFutures.afterCompletion(this.reply,
				(value, failure) -> seen.set(failure));
		RequestTimeoutException timeout = new RequestTimeoutException("echo", Duration.ofMillis(5));
		this.reply.completeExceptionally(timeout);
		assertThat(seen.get()).isSameAs(timeout);
		assertThatExceptionOfType(Exception.class).isThrownBy(after::join).havingCause().isSameAs(timeout);
	}

	@Test
	void anActionThatThrowsStillCompletesTheCallersFutureWithTheReply() {
		CompletableFuture<String> after = ReplyFutures.afterCompletion(this.reply, (value, failure) -> {
			throw new IllegalStateException("broken meter");
		});
		this.reply.complete("pong");
		assertThat(after).isCompletedWithValue("pong");
	}

	@Test
	void aCallersFutureThatEndsAnotherWayStillReleasesTheBinders() {
		CompletableFuture<String> after = ReplyFutures.afterCompletion(this.reply, (value, failure) -> {
		});
		after.orTimeout(1, TimeUnit.MILLISECONDS).exceptionally((failure) -> null).join();
		assertThat(this.reply).isCancelled();
	}

	@Test
	void aReplyThatArrivedIsNotTouchedByItsCallersFutureEnding() {
		CompletableFuture<String> after = ReplyFutures.afterCompletion(this.reply, (value, failure) -> {
		});
		this.reply.complete("pong");
		assertThat(after).isCompletedWithValue("pong");
		assertThat(this.reply).isCompletedWithValue("pong");
	}

	@Test
	void cancellingTheCallersFutureCancelsTheBindersSoTheRequestIsForgotten() {
		CompletableFuture<String> after = ReplyFutures.afterCompletion(this.reply, (value, failure) -> {
		});
		after.cancel(false);
		assertThat(this.reply).isCancelled();
	}

}
