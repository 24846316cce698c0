package dev.switchboard.support.micrometer;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import dev.switchboard.RequestTimeoutException;
import dev.switchboard.binder.DeadLetter;
import dev.switchboard.binder.DeadLetterException;
import dev.switchboard.binder.RecordingBinder;
import dev.switchboard.binder.RequestBinding;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.Pattern;
import dev.switchboard.core.WireMessage;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MetricsBindingInterceptorTests {

	private static final ChannelSpec ECHO = ChannelSpec.of("echo", Pattern.REQUEST_REPLY, "zmq");

	private static final WireMessage MESSAGE = WireMessage.of("hi".getBytes());

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final MetricsBindingInterceptor interceptor = new MetricsBindingInterceptor(this.registry);

	@Test
	void aRequestAnsweredIsTimedAsASuccess() {
		request((request) -> CompletableFuture.completedFuture(WireMessage.of("reply".getBytes()))).join();
		assertThat(timer(SwitchboardMeters.REQUEST, "success").count()).isEqualTo(1);
	}

	@Test
	void aRequestAnsweredWithAnErrorReplyIsTimedAsAnError() {
		request((request) -> CompletableFuture.completedFuture(WireMessage.error(new IllegalStateException(), null)))
			.join();
		assertThat(timer(SwitchboardMeters.REQUEST, "error").count()).isEqualTo(1);
	}

	@Test
	void aRequestThatTimesOutIsTimedAsATimeout() {
		CompletableFuture<WireMessage> reply = new CompletableFuture<>();
		CompletableFuture<WireMessage> timed = request((request) -> reply);
		assertThat(this.registry.find(SwitchboardMeters.REQUEST).timers()).isEmpty();
		reply.completeExceptionally(new RequestTimeoutException("echo", Duration.ofMillis(10)));
		assertThat(timed).isCompletedExceptionally();
		assertThat(timer(SwitchboardMeters.REQUEST, "timeout").count()).isEqualTo(1);
	}

	@Test
	void aTimeoutWrappedInACompletionExceptionIsStillATimeout() {
		request((request) -> CompletableFuture
			.failedFuture(new CompletionException(new RequestTimeoutException("echo", Duration.ofMillis(10)))));
		assertThat(timer(SwitchboardMeters.REQUEST, "timeout").count()).isEqualTo(1);
	}

	@Test
	void aRequestTheTransportLosesIsTimedAsAFailure() {
		request((request) -> CompletableFuture.failedFuture(new IllegalStateException("socket closed")));
		assertThat(timer(SwitchboardMeters.REQUEST, "failure").count()).isEqualTo(1);
	}

	@Test
	void aRequestTheTransportRefusesIsTimedAsAFailureAndRethrown() {
		RequestBinding refusing = new RecordingBinder((request) -> {
			throw new IllegalStateException("refused");
		}).bindRequester(ECHO);
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.interceptor.request(ECHO, MESSAGE, Duration.ofSeconds(1), refusing));
		assertThat(timer(SwitchboardMeters.REQUEST, "failure").count()).isEqualTo(1);
	}

	@Test
	void aHandledMessageIsTimedAsASuccessWithTheChannelsTags() {
		assertThat(this.interceptor.handle(ECHO, MESSAGE, (message) -> message)).isSameAs(MESSAGE);
		Timer timer = timer(SwitchboardMeters.HANDLER, "success");
		assertThat(timer.count()).isEqualTo(1);
		assertThat(timer.getId().getTag("pattern")).isEqualTo("request-reply");
		assertThat(timer.getId().getTag("transport")).isEqualTo("zmq");
	}

	@Test
	void aHandlerThatAnswersWithAnErrorReplyIsTimedAsAnError() {
		this.interceptor.handle(ECHO, MESSAGE, (message) -> WireMessage.error(new IllegalStateException(), null));
		assertThat(timer(SwitchboardMeters.HANDLER, "error").count()).isEqualTo(1);
	}

	@Test
	void aMessageLeftForTheDeadLetterPathIsTimedAsAnError() {
		DeadLetter deadLetter = new DeadLetter("echo", MESSAGE, DeadLetter.Reason.LISTENER_FAILED, 3,
				new IllegalStateException("failing"));
		assertThatExceptionOfType(DeadLetterException.class).isThrownBy(() -> this.interceptor.handle(ECHO, MESSAGE,
				(message) -> {
					throw new DeadLetterException(deadLetter);
				}));
		assertThat(timer(SwitchboardMeters.HANDLER, "error").count()).isEqualTo(1);
	}

	@Test
	void timersAreRegisteredOncePerChannelAndOutcome() {
		this.interceptor.handle(ECHO, MESSAGE, (message) -> null);
		this.interceptor.handle(ECHO, MESSAGE, (message) -> null);
		assertThat(this.registry.find(SwitchboardMeters.HANDLER).timers()).hasSize(1);
		assertThat(timer(SwitchboardMeters.HANDLER, "success").count()).isEqualTo(2);
	}

	private CompletableFuture<WireMessage> request(Function<WireMessage, CompletableFuture<WireMessage>> replies) {
		RequestBinding binding = new RecordingBinder(replies).bindRequester(ECHO);
		return this.interceptor.request(ECHO, MESSAGE, Duration.ofSeconds(1), binding);
	}

	private Timer timer(String name, String outcome) {
		return this.registry.get(name).tags("channel", "echo", "outcome", outcome).timer();
	}

}
