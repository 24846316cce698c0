package dev.switchboard.listener;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.switchboard.PayloadConversionException;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.Pattern;
import dev.switchboard.core.SwitchboardHeaders;
import dev.switchboard.core.TopicFilter;
import dev.switchboard.core.WireMessage;
import dev.switchboard.support.converter.PayloadConverter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class MessageDispatcherTests {

	private final PayloadConverter converter = PayloadConverter.withJsonMapper(JsonMapper.builder().build());

	@Test
	void requestReplyReturnsTheConvertedReplyWithTheRequestsCorrelationId() {
		ChannelSpec channel = ChannelSpec.of("echo", Pattern.REQUEST_REPLY, "test");
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
		ChannelSpec channel = ChannelSpec.of("echo", Pattern.REQUEST_REPLY, "test");
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
	}

	@Test
	void undecodablePayloadIsCountedAsMalformedWithoutCallingTheListener() {
		ChannelSpec channel = ChannelSpec.of("tasks", Pattern.PIPELINE, "test");
		boolean[] called = { false };
		MessageDispatcher dispatcher = dispatcher(channel,
				MessageListenerAdapters.consuming(this.converter, Task.class, (task) -> called[0] = true), null);
		assertThat(dispatcher.handle(text("{broken"))).isNull();
		assertThat(called[0]).isFalse();
		assertThat(channel.statistics().getMalformed()).isEqualTo(1);
		assertThat(channel.statistics().getFailed()).isZero();
	}

	@Test
	void undecodableRequestGetsAConversionErrorReply() {
		ChannelSpec channel = ChannelSpec.of("tasks", Pattern.REQUEST_REPLY, "test");
		MessageDispatcher dispatcher = dispatcher(channel,
				MessageListenerAdapters.replying(this.converter, Task.class, Task::name), null);
		WireMessage reply = dispatcher.handle(text("{broken"));
		assertThat(reply).isNotNull();
		assertThat(reply.headers()).containsEntry(SwitchboardHeaders.ERROR_TYPE,
				PayloadConversionException.class.getName());
	}

	@Test
	void messageOnATopicOutsideTheFilterIsIgnored() {
		ChannelSpec channel = ChannelSpec.of("scores", Pattern.PUB_SUB, "test");
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
		ChannelSpec channel = ChannelSpec.of("peer", Pattern.PAIR, "test");
		MessageDispatcher dispatcher = dispatcher(channel,
				MessageListenerAdapters.replying(this.converter, String.class, (text) -> "pong"), null);
		WireMessage toPeer = dispatcher.handle(text("ping"));
		assertThat(toPeer).isNotNull();
		assertThat(new String(toPeer.payload(), StandardCharsets.UTF_8)).isEqualTo("pong");
	}

	@Test
	void failingPipelineListenerSendsNothingBack() {
		ChannelSpec channel = ChannelSpec.of("tasks", Pattern.PIPELINE, "test");
		MessageDispatcher dispatcher = dispatcher(channel,
				MessageListenerAdapters.consuming(this.converter, String.class, (text) -> {
					throw new IllegalStateException("boom");
				}), null);
		assertThat(dispatcher.handle(text("x"))).isNull();
		assertThat(channel.statistics().getFailed()).isEqualTo(1);
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
