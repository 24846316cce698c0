package dev.switchboard.binder;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import dev.switchboard.BindingException;
import dev.switchboard.RequestTimeoutException;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.Pattern;
import dev.switchboard.core.WireMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PendingRepliesTests {

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

	private final ChannelSpec channel = ChannelSpec.of("echo", Pattern.REQUEST_REPLY, "test");

	private final PendingReplies pending = new PendingReplies(this.channel, this.timer);

	@AfterEach
	void stopTimer() {
		this.timer.shutdownNow();
	}

	@Test
	void replyReachesTheRequestItAnswers() {
		CompletableFuture<WireMessage> reply = this.pending.register("1", Duration.ofSeconds(10));
		WireMessage answer = WireMessage.of(new byte[] { 42 });
		this.pending.take("1").complete(answer);
		assertThat(reply).isCompletedWithValue(answer);
	}

	@Test
	void requestWithoutReplyTimesOutNamingTheChannel() {
		CompletableFuture<WireMessage> reply = this.pending.register("1", Duration.ofMillis(20));
		assertThat(reply).failsWithin(Duration.ofSeconds(10))
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(RequestTimeoutException.class)
			.withMessageContaining("'echo'");
	}

	@Test
	void lateOrUnknownReplyIsCountedAsDropped() {
		this.pending.register("1", Duration.ofSeconds(10)).cancel(false);
		assertThat(this.pending.take("1")).isNull();
		assertThat(this.pending.take("never-asked")).isNull();
		assertThat(this.pending.take(null)).isNull();
		assertThat(this.channel.statistics().getDropped()).isEqualTo(3);
	}

	@Test
	void closingFailsEveryWaitingRequest() {
		CompletableFuture<WireMessage> first = this.pending.register("1", Duration.ofSeconds(10));
		CompletableFuture<WireMessage> second = this.pending.register("2", Duration.ofSeconds(10));
		this.pending.failAll(new BindingException("closed"));
		assertThat(first).isCompletedExceptionally();
		assertThat(second).isCompletedExceptionally();
		assertThat(this.pending.take("1")).isNull();
	}

	@Test
	void requestAfterTheTimerStoppedFailsAtOnceNamingTheChannel() {
		this.timer.shutdown();
		CompletableFuture<WireMessage> reply = this.pending.register("1", Duration.ofSeconds(10));
		assertThat(reply).failsWithin(Duration.ZERO)
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(BindingException.class)
			.withMessageContaining("'echo'");
	}

}
