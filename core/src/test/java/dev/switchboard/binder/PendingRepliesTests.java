package dev.switchboard.binder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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

	private static long millis(long millis) {
		return TimeUnit.MILLISECONDS.toNanos(millis);
	}

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
	void requestNeverTimesOutBeforeItsTimeout() throws Exception {
		long sent = System.nanoTime();
		CompletableFuture<Long> timedOutAfter = this.pending.register("1", Duration.ofMillis(50))
			.handle((message, ex) -> System.nanoTime() - sent);
		assertThat(timedOutAfter.get(10, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
	}

	@Test
	void requestTimesOutAtItsDeadlineWithTheTimeoutInTheMessage() {
		ManualTimer timer = new ManualTimer();
		PendingReplies pending = new PendingReplies(this.channel, timer, timer);
		CompletableFuture<WireMessage> reply = pending.register("1", Duration.ofMillis(100));
		timer.advanceTo(millis(100) - 1);
		assertThat(reply).isNotDone();
		timer.advanceTo(millis(100));
		assertThat(reply).failsWithin(Duration.ZERO)
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(RequestTimeoutException.class)
			.withMessageContaining("'echo' within 100 ms");
		assertThat(pending.take("1")).isNull();
	}

	@Test
	void requestsDueCloseTogetherExpireInOneWakeUpAtMostTenMillisecondsLate() {
		ManualTimer timer = new ManualTimer();
		PendingReplies pending = new PendingReplies(this.channel, timer, timer);
		CompletableFuture<WireMessage> first = pending.register("1", Duration.ofMillis(100));
		timer.advanceTo(millis(1));
		CompletableFuture<WireMessage> second = pending.register("2", Duration.ofMillis(100));
		CompletableFuture<WireMessage> third = pending.register("3", Duration.ofMillis(105));
		timer.advanceTo(millis(100));
		assertThat(first).isCompletedExceptionally();
		assertThat(second).isNotDone();
		assertThat(timer.nextDue()).isEqualTo(millis(110));
		timer.advanceTo(millis(110) - 1);
		assertThat(second).isNotDone();
		timer.advanceTo(millis(110));
		assertThat(second).isCompletedExceptionally();
		assertThat(third).isCompletedExceptionally();
		assertThat(timer.scheduled()).isEqualTo(2);
		assertThat(timer.nextDue()).isEqualTo(-1);
	}

	@Test
	void callerSendingOneRequestAfterAnotherArmsTheTimerOncePerTimeoutNotOncePerRequest() {
		ManualTimer timer = new ManualTimer();
		PendingReplies pending = new PendingReplies(this.channel, timer, timer);
		for (int i = 0; i < 500; i++) {
			pending.register(Integer.toString(i), Duration.ofSeconds(1));
			timer.advanceBy(millis(1));
			pending.take(Integer.toString(i)).complete(WireMessage.of(new byte[0]));
		}
		assertThat(timer.scheduled()).isEqualTo(1);
		timer.advanceTo(millis(1000));
		assertThat(timer.nextDue()).isEqualTo(-1);
	}

	@Test
	void earlierDeadlineArmsTheTimerSoonerAndTheLaterOneStillExpires() {
		ManualTimer timer = new ManualTimer();
		PendingReplies pending = new PendingReplies(this.channel, timer, timer);
		CompletableFuture<WireMessage> slow = pending.register("slow", Duration.ofSeconds(10));
		CompletableFuture<WireMessage> quick = pending.register("quick", Duration.ofMillis(100));
		assertThat(timer.nextDue()).isEqualTo(millis(100));
		timer.advanceTo(millis(100));
		assertThat(quick).isCompletedExceptionally();
		assertThat(slow).isNotDone();
		timer.advanceTo(millis(10_000));
		assertThat(slow).isCompletedExceptionally();
	}

	@Test
	void answeredFailedAndCancelledRequestsLeaveNothingForTheTimer() {
		ManualTimer timer = new ManualTimer();
		PendingReplies pending = new PendingReplies(this.channel, timer, timer);
		CompletableFuture<WireMessage> answered = pending.register("answered", Duration.ofMillis(100));
		CompletableFuture<WireMessage> failed = pending.register("failed", Duration.ofMillis(100));
		CompletableFuture<WireMessage> cancelled = pending.register("cancelled", Duration.ofMillis(100));
		pending.take("answered").complete(WireMessage.of(new byte[0]));
		pending.fail("failed", new BindingException("not sent"));
		cancelled.cancel(false);
		timer.advanceTo(millis(100));
		assertThat(answered).isCompletedWithValueMatching((message) -> message.payload().length == 0);
		assertThat(failed.isCompletedExceptionally() && !failed.isCancelled()).isTrue();
		assertThat(timer.nextDue()).as("nothing left to arm the timer for").isEqualTo(-1);
	}

	@Test
	void requestsFromManyThreadsAreEachAnsweredOrTimedOutAndNoneIsLeft() throws Exception {
		ExecutorService callers = Executors.newFixedThreadPool(4);
		List<Future<List<CompletableFuture<WireMessage>>>> sent = new ArrayList<>();
		for (int thread = 0; thread < 4; thread++) {
			String prefix = thread + "-";
			sent.add(callers.submit(() -> {
				List<CompletableFuture<WireMessage>> unanswered = new ArrayList<>();
				for (int i = 0; i < 2000; i++) {
					String id = prefix + i;
					boolean answered = i % 10 != 0;
					CompletableFuture<WireMessage> reply = this.pending.register(id,
							answered ? Duration.ofSeconds(10) : Duration.ofMillis(1 + i % 20));
					if (!answered) {
						unanswered.add(reply);
					}
					else {
						this.pending.take(id).complete(WireMessage.of(new byte[0]));
					}
				}
				return unanswered;
			}));
		}
		for (Future<List<CompletableFuture<WireMessage>>> thread : sent) {
			for (CompletableFuture<WireMessage> reply : thread.get(30, TimeUnit.SECONDS)) {
				assertThat(reply).failsWithin(Duration.ofSeconds(10))
					.withThrowableOfType(ExecutionException.class)
					.withCauseInstanceOf(RequestTimeoutException.class);
			}
		}
		callers.shutdown();
		assertThat(this.pending.take("0-0")).isNull();
	}

	@Test
	void requestAfterTheTimerStoppedFailsAtOnceEvenWhenAnEarlierRequestArmedIt() {
		this.pending.register("1", Duration.ofSeconds(10));
		this.timer.shutdown();
		CompletableFuture<WireMessage> reply = this.pending.register("2", Duration.ofSeconds(20));
		assertThat(reply).failsWithin(Duration.ZERO)
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(BindingException.class)
			.withMessageContaining("'echo'");
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
