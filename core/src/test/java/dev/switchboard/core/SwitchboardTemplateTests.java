package dev.switchboard.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.switchboard.BindingException;
import dev.switchboard.ChannelConfigurationException;
import dev.switchboard.RemoteInvocationException;
import dev.switchboard.RequestTimeoutException;
import dev.switchboard.binder.BinderRegistry;
import dev.switchboard.binder.RecordingBinder;
import dev.switchboard.support.converter.PayloadConverter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SwitchboardTemplateTests {

	private final ChannelRegistry channels = new ChannelRegistry(List.of(
			ChannelSpec.of("echo", Pattern.REQUEST_REPLY, "test"), ChannelSpec.of("scores", Pattern.PUB_SUB, "test"),
			ChannelSpec.of("tasks", Pattern.PIPELINE, "test"), ChannelSpec.of("other", Pattern.PIPELINE, "nowhere")));

	private CompletableFuture<WireMessage> nextReply = new CompletableFuture<>();

	private final RecordingBinder binder = new RecordingBinder((request) -> this.nextReply);

	private final SwitchboardTemplate template = new SwitchboardTemplate(this.channels,
			new BinderRegistry(List.of(this.binder)), PayloadConverter.withJsonMapper(JsonMapper.builder().build()));

	@Test
	void publishCarriesTopicAndHeaders() {
		this.template.publish("scores", "game.1", "goal", Map.of("team", "blue"));
		WireMessage sent = this.binder.sent.get(0);
		assertThat(sent.topic()).isEqualTo("game.1");
		assertThat(sent.headers()).containsEntry("team", "blue");
		assertThat(this.channels.getRequired("scores").statistics().getSent()).isEqualTo(1);
	}

	@Test
	void requestReturnsTheConvertedReply() {
		this.nextReply = CompletableFuture.completedFuture(WireMessage.of("42".getBytes(StandardCharsets.UTF_8)));
		assertThat(this.template.request("echo", "question", Integer.class)).isEqualTo(42);
	}

	@Test
	void errorReplyBecomesRemoteInvocationException() {
		this.nextReply = CompletableFuture
			.completedFuture(WireMessage.error(new IllegalArgumentException("bad question"), "c"));
		assertThatExceptionOfType(RemoteInvocationException.class)
			.isThrownBy(() -> this.template.request("echo", "question", String.class))
			.withMessage("Listener on channel 'echo' failed: java.lang.IllegalArgumentException: bad question");
	}

	@Test
	void requestThatTheBinderNeverAnswersStillTimesOut() {
		assertThatExceptionOfType(RequestTimeoutException.class)
			.isThrownBy(() -> this.template.request("echo", "question", String.class, Duration.ofMillis(10)))
			.withMessageContaining("'echo'")
			.withMessageContaining("10 ms")
			.satisfies((ex) -> {
				assertThat(ex.getChannel()).isEqualTo("echo");
				assertThat(ex.getTimeout()).isEqualTo(Duration.ofMillis(10));
			});
		assertThat(this.nextReply).isCancelled();
		assertThat(this.channels.getRequired("echo").statistics().getTimedOut()).isEqualTo(1);
	}

	@Test
	void cancellingAnAsyncRequestCancelsTheBindersFutureSoTheRequestIsForgotten() {
		CompletableFuture<String> reply = this.template.requestAsync("echo", "question", String.class);
		reply.cancel(false);
		assertThat(this.nextReply).isCancelled();
	}

	@Test
	void asyncRequestCompletesWithTheConvertedReply() {
		CompletableFuture<Integer> reply = this.template.requestAsync("echo", "question", Integer.class);
		this.nextReply.complete(WireMessage.of("42".getBytes(StandardCharsets.UTF_8)));
		assertThat(reply).isCompletedWithValue(42);
	}

	@Test
	void sendToRequestReplyChannelSaysToCallRequest() {
		assertThatExceptionOfType(ChannelConfigurationException.class)
			.isThrownBy(() -> this.template.send("echo", "x"))
			.withMessageContaining("call request(...)");
	}

	@Test
	void publishToPipelineChannelSaysToCallSend() {
		assertThatExceptionOfType(ChannelConfigurationException.class)
			.isThrownBy(() -> this.template.publish("tasks", "t", "x"))
			.withMessageContaining("call send(...)");
	}

	@Test
	void requestOnPubSubChannelSaysToCallPublish() {
		assertThatExceptionOfType(ChannelConfigurationException.class)
			.isThrownBy(() -> this.template.request("scores", "x", String.class))
			.withMessageContaining("call publish(...)");
	}

	@Test
	void undefinedChannelSaysHowToDefineIt() {
		assertThatExceptionOfType(ChannelConfigurationException.class)
			.isThrownBy(() -> this.template.send("missing", "x"))
			.withMessageContaining("switchboard.channels.missing.pattern");
	}

	@Test
	void channelOnATransportWithoutBinderSaysWhichExist() {
		assertThatExceptionOfType(ChannelConfigurationException.class)
			.isThrownBy(() -> this.template.send("other", "x"))
			.withMessageContaining("'nowhere'")
			.withMessageContaining("[test]");
	}

	@Test
	void bindingIsOpenedOnceAndClosedOnDestroy() {
		this.template.send("tasks", "a");
		this.template.send("tasks", "b");
		this.template.destroy();
		assertThat(this.binder.closed).containsExactly("tasks");
		assertThatExceptionOfType(BindingException.class).isThrownBy(() -> this.template.send("tasks", "c"))
			.withMessageContaining("closed");
	}

}
