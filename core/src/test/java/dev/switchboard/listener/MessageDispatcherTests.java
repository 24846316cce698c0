package dev.switchboard.listener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.switchboard.PayloadConversionException;
import dev.switchboard.binder.DeadLetter;
import dev.switchboard.binder.DeadLetterException;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.ChannelStatistics;
import dev.switchboard.core.Pattern;
import dev.switchboard.core.RetryPolicy;
import dev.switchboard.core.SwitchboardHeaders;
import dev.switchboard.core.TopicFilter;
import dev.switchboard.core.WireMessage;
import dev.switchboard.support.converter.PayloadConverter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MessageDispatcherTests {

	private final PayloadConverter converter = PayloadConverter.withJsonMapper(JsonMapper.builder().build());

	@Test
	void requestReplyReturnsTheConvertedReplyWithTheRequestsCorrelationId() {
		ChannelSpec channel = channel("echo", Pattern.REQUEST_REPLY);
		MessageDispatcher dispatcher = dispatcher(channel,
				MessageListenerAdapters.replying(this.converter, String.class, (text) -> "Echo: " + text), null);
		WireMessage reply = dispatcher.handle(text("hi").withCorrelationId("c-1"));
		assertThat(reply).isNotNull();
		assertThat(new String(reply.payload(), StandardCharsets.UTF_8)).isEqualTo("Echo: hi");
		assertThat(reply.correlationId()).isEqualTo("c-1");
		assertThat(channel.statistics().getReceived()).isEqualTo(1);
	}

	@Test
	void listenerExceptionBecomesAnErrorReplyAndIsCounted() {
		ChannelSpec channel = channel("echo", Pattern.REQUEST_REPLY);
		MessageDispatcher dispatcher = dispatcher(channel,
				MessageListenerAdapters.replying(this.converter, String.class, (text) -> {
					throw new IllegalStateException("boom");
				}), null);
		WireMessage reply = dispatcher.handle(text("hi").withCorrelationId("c-2"));
		assertThat(reply).isNotNull();
		assertThat(reply.isError()).isTrue();
		assertThat(reply.correlationId()).isEqualTo("c-2");
		assertThat(reply.headers()).containsEntry(SwitchboardHeaders.ERROR_TYPE, IllegalStateException.class.getName())
			.containsEntry(SwitchboardHeaders.ERROR_MESSAGE, "boom");
		assertThat(channel.statistics().getFailed()).isEqualTo(1);
		assertThat(channel.statistics().getRetried()).isEqualTo(2);
		assertThat(channel.statistics().getDeadLettered()).isZero();
	}

	@Test
	void undecodablePayloadIsDeadLetteredWithoutCallingTheListenerOrRetrying() {
		ChannelSpec channel = channel("tasks", Pattern.PIPELINE);
		boolean[] called = { false };
		MessageDispatcher dispatcher = dispatcher(channel,
				MessageListenerAdapters.consuming(this.converter, Task.class, (task) -> called[0] = true), null);
		assertThatExceptionOfType(DeadLetterException.class).isThrownBy(() -> dispatcher.handle(text("{broken")))
			.satisfies((ex) -> {
				assertThat(ex.getDeadLetter().reason()).isEqualTo(DeadLetter.Reason.UNDECODABLE);
				assertThat(ex.getDeadLetter().attempts()).isZero();
			});
		assertThat(called[0]).isFalse();
		assertThat(channel.statistics().getMalformed()).isEqualTo(1);
		assertThat(channel.statistics().getDeadLettered()).isEqualTo(1);
		assertThat(channel.statistics().getFailed()).isZero();
		assertThat(channel.statistics().getRetried()).isZero();
	}

	@Test
	void undecodableRequestGetsAConversionErrorReply() {
		ChannelSpec channel = channel("tasks", Pattern.REQUEST_REPLY);
		MessageDispatcher dispatcher = dispatcher(channel,
				MessageListenerAdapters.replying(this.converter, Task.class, Task::name), null);
		WireMessage reply = dispatcher.handle(text("{broken"));
		assertThat(reply).isNotNull();
		assertThat(reply.headers()).containsEntry(SwitchboardHeaders.ERROR_TYPE,
				PayloadConversionException.class.getName());
	}

	@Test
	void messageOnATopicOutsideTheFilterIsIgnored() {
		ChannelSpec channel = channel("scores", Pattern.PUB_SUB);
		int[] calls = { 0 };
		MessageDispatcher dispatcher = dispatcher(channel,
				MessageListenerAdapters.consuming(this.converter, String.class, (line) -> calls[0]++),
				TopicFilter.of("a.*"));
		dispatcher.handle(text("x").withTopic("a.b"));
		dispatcher.handle(text("x").withTopic("a.b.c"));
		dispatcher.handle(text("x"));
		assertThat(calls[0]).as("a.b matches, a.b.c does not, an untopiced raw message was matched upstream")
			.isEqualTo(2);
		assertThat(channel.statistics().getReceived()).isEqualTo(2);
	}

	@Test
	void pairListenerReturnValueIsSentToThePeer() {
		ChannelSpec channel = channel("peer", Pattern.PAIR);
		MessageDispatcher dispatcher = dispatcher(channel,
				MessageListenerAdapters.replying(this.converter, String.class, (text) -> "pong"), null);
		WireMessage toPeer = dispatcher.handle(text("ping"));
		assertThat(toPeer).isNotNull();
		assertThat(new String(toPeer.payload(), StandardCharsets.UTF_8)).isEqualTo("pong");
	}

	@Test
	void failingPipelineListenerIsRetriedThenDeadLetteredWithTheMessageAndFailure() {
		ChannelSpec channel = channel("tasks", Pattern.PIPELINE);
		int[] calls = { 0 };
		MessageDispatcher dispatcher = dispatcher(channel,
				MessageListenerAdapters.consuming(this.converter, String.class, (text) -> {
					throw new IllegalStateException("boom " + ++calls[0]);
				}), null);
		WireMessage message = text("x").withTopic("a.b");
		assertThatExceptionOfType(DeadLetterException.class).isThrownBy(() -> dispatcher.handle(message))
			.satisfies((ex) -> {
				DeadLetter deadLetter = ex.getDeadLetter();
				assertThat(deadLetter.message()).isSameAs(message);
				assertThat(deadLetter.attempts()).isEqualTo(3);
				assertThat(deadLetter.toWireMessage().headers())
					.containsEntry(SwitchboardHeaders.EXCEPTION_TYPE, IllegalStateException.class.getName())
					.containsEntry(SwitchboardHeaders.EXCEPTION_MESSAGE, "boom 3")
					.containsEntry(SwitchboardHeaders.ATTEMPTS, "3")
					.containsEntry(SwitchboardHeaders.ORIGINAL_CHANNEL, "tasks")
					.containsEntry(SwitchboardHeaders.ORIGINAL_TOPIC, "a.b");
			});
		assertThat(calls[0]).isEqualTo(3);
		assertThat(channel.statistics().getFailed()).isEqualTo(1);
		assertThat(channel.statistics().getRetried()).isEqualTo(2);
		assertThat(channel.statistics().getDeadLettered()).isEqualTo(1);
	}

	@Test
	void failureMarkedNotRetryableIsNotRetried() {
		ChannelSpec channel = new ChannelSpec("tasks", Pattern.PIPELINE, "test", 1, ChannelSpec.DEFAULT_REQUEST_TIMEOUT,
				new RetryPolicy(5, Duration.ZERO, 1.0, Duration.ZERO, List.of(IllegalArgumentException.class)),
				new ChannelStatistics());
		int[] calls = { 0 };
		MessageDispatcher dispatcher = dispatcher(channel,
				MessageListenerAdapters.consuming(this.converter, String.class, (text) -> {
					calls[0]++;
					throw new IllegalArgumentException("bad");
				}), null);
		assertThatExceptionOfType(DeadLetterException.class).isThrownBy(() -> dispatcher.handle(text("x")));
		assertThat(calls[0]).isEqualTo(1);
	}

	@Test
	void attemptsAreSpacedByTheGrowingBackoff() {
		ChannelSpec channel = new ChannelSpec("tasks", Pattern.PIPELINE, "test", 1, ChannelSpec.DEFAULT_REQUEST_TIMEOUT,
				new RetryPolicy(3, Duration.ofMillis(50), 2.0, Duration.ofSeconds(1), List.of()), new ChannelStatistics());
		List<Long> attemptNanos = new ArrayList<>();
		MessageDispatcher dispatcher = dispatcher(channel,
				MessageListenerAdapters.consuming(this.converter, String.class, (text) -> {
					attemptNanos.add(System.nanoTime());
					throw new IllegalStateException("boom");
				}), null);
		assertThatExceptionOfType(DeadLetterException.class).isThrownBy(() -> dispatcher.handle(text("x")));
		assertThat(attemptNanos).hasSize(3);
		assertThat(attemptNanos.get(1) - attemptNanos.get(0)).as("wait before the second attempt")
			.isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
		assertThat(attemptNanos.get(2) - attemptNanos.get(1)).as("wait before the third attempt, doubled")
			.isGreaterThanOrEqualTo(Duration.ofMillis(100).toNanos());
	}

	@Test
	void stoppedDispatcherMakesNoFurtherAttempt() {
		ChannelSpec channel = new ChannelSpec("tasks", Pattern.PIPELINE, "test", 1, ChannelSpec.DEFAULT_REQUEST_TIMEOUT,
				new RetryPolicy(3, Duration.ofHours(1), 1.0, Duration.ofHours(1), List.of()), new ChannelStatistics());
		int[] calls = { 0 };
		MessageDispatcher dispatcher = dispatcher(channel,
				MessageListenerAdapters.consuming(this.converter, String.class, (text) -> {
					calls[0]++;
					throw new IllegalStateException("boom");
				}), null);
		dispatcher.stop();
		assertThatExceptionOfType(DeadLetterException.class).isThrownBy(() -> dispatcher.handle(text("x")))
			.satisfies((ex) -> assertThat(ex.getDeadLetter().attempts()).isEqualTo(1));
		assertThat(calls[0]).as("the hour-long backoff was not waited out").isEqualTo(1);
	}

	private static ChannelSpec channel(String name, Pattern pattern) {
		return new ChannelSpec(name, pattern, "test", 1, ChannelSpec.DEFAULT_REQUEST_TIMEOUT,
				new RetryPolicy(3, Duration.ofMillis(1), 2.0, Duration.ofMillis(5), List.of()), new ChannelStatistics());
	}

	private MessageDispatcher dispatcher(ChannelSpec channel, MessageListenerAdapter listener, TopicFilter filter) {
		return new MessageDispatcher(channel, listener, this.converter, filter);
	}

	private static WireMessage text(String text) {
		return new WireMessage(text.getBytes(StandardCharsets.UTF_8), null, null, null, Map.of());
	}

	record Task(int id, String name) {
	}

}
