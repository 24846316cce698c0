package dev.switchboard.listener;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.switchboard.ChannelConfigurationException;
import dev.switchboard.binder.BinderRegistry;
import dev.switchboard.binder.RecordingBinder;
import dev.switchboard.core.ChannelRegistry;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.Pattern;
import dev.switchboard.support.converter.PayloadConverter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ListenerEndpointRegistryTests {

	private final PayloadConverter converter = PayloadConverter.withJsonMapper(JsonMapper.builder().build());

	private final RecordingBinder binder = new RecordingBinder((request) -> new CompletableFuture<>());

	private final ListenerEndpointRegistry registry = new ListenerEndpointRegistry(
			new ChannelRegistry(List.of(ChannelSpec.of("echo", Pattern.REQUEST_REPLY, "test"),
					ChannelSpec.of("scores", Pattern.PUB_SUB, "test"), ChannelSpec.of("tasks", Pattern.PIPELINE, "test"),
					ChannelSpec.of("peer", Pattern.PAIR, "test"))),
			new BinderRegistry(List.of(this.binder)), this.converter);

	@Test
	void listenersAreBoundOnStartAndClosedOnStop() {
		this.registry.register(endpoint("tasks", null, consuming()));
		assertThat(this.binder.inbound).isEmpty();
		this.registry.start();
		assertThat(this.binder.inbound).extracting(ChannelSpec::name).containsExactly("tasks");
		assertThat(this.registry.getBinding("l-tasks")).isNotNull();
		this.registry.stop();
		assertThat(this.binder.closed).containsExactly("tasks");
		assertThat(this.registry.getBinding("l-tasks")).isNull();
	}

	@Test
	void listenerRegisteredWhileRunningIsBoundAtOnce() {
		this.registry.start();
		this.registry.register(endpoint("tasks", null, consuming()));
		assertThat(this.binder.inbound).hasSize(1);
	}

	@Test
	void listenerOnUndefinedChannelFailsNamingListenerAndFix() {
		assertThatExceptionOfType(ChannelConfigurationException.class)
			.isThrownBy(() -> this.registry.register(endpoint("missing", null, consuming())))
			.withMessageContaining("listener of String listens on an undefined channel")
			.withMessageContaining("switchboard.channels.missing.pattern");
	}

	@Test
	void voidRequestReplyListenerFailsSayingToReturnTheReply() {
		assertThatExceptionOfType(ChannelConfigurationException.class)
			.isThrownBy(() -> this.registry.register(endpoint("echo", null, consuming())))
			.withMessageContaining("request-reply channel 'echo' returns nothing")
			.withMessageContaining("return the reply");
	}

	@Test
	void pipelineListenerReturningAValueFailsSayingNobodyReceivesIt() {
		assertThatExceptionOfType(ChannelConfigurationException.class)
			.isThrownBy(() -> this.registry.register(endpoint("tasks", null, replying())))
			.withMessageContaining("pipeline channel 'tasks' returns a value that nobody would receive");
	}

	@Test
	void topicOutsidePubSubFails() {
		assertThatExceptionOfType(ChannelConfigurationException.class)
			.isThrownBy(() -> this.registry.register(endpoint("tasks", "a.b", consuming())))
			.withMessageContaining("topics exist on pub-sub channels only");
	}

	@Test
	void malformedTopicFilterFailsNamingTheListener() {
		assertThatExceptionOfType(ChannelConfigurationException.class)
			.isThrownBy(() -> this.registry.register(endpoint("scores", "a*", consuming())))
			.withMessageContaining("pub-sub channel 'scores'")
			.withMessageContaining("'a*' is invalid");
	}

	@Test
	void pairListenerMayReturnAValueForThePeer() {
		this.registry.register(endpoint("peer", null, replying()));
		assertThat(this.registry.getEndpoints()).hasSize(1);
	}

	@Test
	void duplicateListenerIdFails() {
		this.registry.register(endpoint("tasks", null, consuming()));
		assertThatExceptionOfType(ChannelConfigurationException.class)
			.isThrownBy(() -> this.registry.register(endpoint("tasks", null, consuming())))
			.withMessageContaining("'l-tasks' is used twice");
	}

	private ListenerEndpoint endpoint(String channel, String topic, MessageListenerAdapter listener) {
		return new ListenerEndpoint("l-" + channel, channel, topic, null, 0, listener);
	}

	private MessageListenerAdapter consuming() {
		return MessageListenerAdapters.consuming(this.converter, String.class, (text) -> {
		});
	}

	private MessageListenerAdapter replying() {
		return MessageListenerAdapters.replying(this.converter, String.class, (text) -> text);
	}

}
