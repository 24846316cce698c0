package dev.switchboard.listener;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.switchboard.ChannelConfigurationException;
import dev.switchboard.SwitchboardException;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.Pattern;
import dev.switchboard.core.SwitchboardHeaders;
import dev.switchboard.core.WireMessage;
import dev.switchboard.support.converter.PayloadConverter;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MethodMessageListenerAdapterTests {

	private final PayloadConverter converter = PayloadConverter.withJsonMapper(JsonMapper.builder().build());

	private final ChannelSpec channel = ChannelSpec.of("scores", Pattern.PUB_SUB, "test");

	private final WireMessage message = new WireMessage("goal".getBytes(StandardCharsets.UTF_8), "game.1",
			"text/plain", "c-9", Map.of("team", "blue"));

	@Test
	void payloadAndHeadersAreResolvedByParameter() throws Exception {
		assertThat(adapter("describe").onMessage(this.message, this.channel))
			.isEqualTo("goal|game.1|c-9|scores|blue|red");
	}

	@Test
	void allHeadersIncludeSwitchboardOnes() throws Exception {
		Object headers = adapter("headers").onMessage(this.message, this.channel);
		assertThat(headers).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("team", "blue")
			.containsEntry(SwitchboardHeaders.TOPIC, "game.1")
			.containsEntry(SwitchboardHeaders.CHANNEL, "scores");
	}

	@Test
	void missingRequiredHeaderFailsNamingIt() {
		assertThatExceptionOfType(SwitchboardException.class)
			.isThrownBy(() -> adapter("required").onMessage(this.message, this.channel))
			.withMessageContaining("Required header 'region' is missing");
	}

	@Test
	void listenerExceptionIsRethrownUnwrapped() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> adapter("fail").onMessage(this.message, this.channel))
			.withMessage("goal");
	}

	@Test
	void twoPayloadParametersFailAtCreation() {
		assertThatExceptionOfType(ChannelConfigurationException.class).isThrownBy(() -> adapter("twoPayloads"))
			.withMessageContaining("more than one payload parameter");
	}

	@Test
	void headerParameterOfAnotherTypeFailsAtCreation() {
		assertThatExceptionOfType(ChannelConfigurationException.class).isThrownBy(() -> adapter("intHeader"))
			.withMessageContaining("@Header parameter must be of type String");
	}

	@Test
	void returnsValueFollowsTheSignature() {
		assertThat(adapter("describe").returnsValue()).isTrue();
		assertThat(adapter("fail").returnsValue()).isFalse();
	}

	private MethodMessageListenerAdapter adapter(String methodName) {
		return new MethodMessageListenerAdapter(new Listeners(),
				ReflectionUtils.findMethod(Listeners.class, methodName, (Class<?>[]) null), "listeners", this.converter);
	}

	static class Listeners {

		String describe(String payload, @Header(SwitchboardHeaders.TOPIC) String topic,
				@Header(SwitchboardHeaders.CORRELATION_ID) String correlationId,
				@Header(SwitchboardHeaders.CHANNEL) String channel, @Header("team") String team,
				@Header(name = "region", defaultValue = "red") String region) {
			return String.join("|", payload, topic, correlationId, channel, team, region);
		}

		Map<String, String> headers(@Headers Map<String, String> headers) {
			return headers;
		}

		String required(@Header("region") String region) {
			return region;
		}

		void fail(String payload) {
			throw new IllegalStateException(payload);
		}

		void twoPayloads(String one, String two) {
		}

		void intHeader(@Header("team") int team) {
		}

	}

}
