package dev.switchboard.support.converter;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.switchboard.PayloadConversionException;
import dev.switchboard.core.WireMessage;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.MethodParameter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PayloadConverterTests {

	private final PayloadConverter converter = PayloadConverter.withJsonMapper(JsonMapper.builder().build());

	@Test
	void bytesTravelAsTheyAreWithOctetStreamContentType() {
		byte[] bytes = { 0, 1, (byte) 0xff };
		WireMessage message = this.converter.toWire(bytes);
		assertThat(message.payload()).isSameAs(bytes);
		assertThat(message.contentType()).isEqualTo(PayloadConverter.OCTET_STREAM);
		assertThat(this.converter.fromWire(message, byte[].class, null)).isSameAs(bytes);
	}

	@Test
	void textTravelsAsUtf8WithTextPlainContentType() {
		WireMessage message = this.converter.toWire("héllo");
		assertThat(message.payload()).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
		assertThat(message.contentType()).isEqualTo(PayloadConverter.TEXT_PLAIN);
		assertThat(this.converter.fromWire(message, String.class, null)).isEqualTo("héllo");
	}

	@Test
	void textInAnotherCharsetIsDecodedWithIt() {
		WireMessage latin1 = new WireMessage("café".getBytes(StandardCharsets.ISO_8859_1), null,
				"text/plain;charset=ISO-8859-1", null, Map.of());
		assertThat(this.converter.fromWire(latin1, String.class, null)).isEqualTo("café");
	}

	@Test
	void objectsTravelAsJson() {
		WireMessage message = this.converter.toWire(new Score(1, "goal"));
		assertThat(message.contentType()).startsWith("application/json");
		assertThat(new String(message.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":1,\"text\":\"goal\"}");
		assertThat(this.converter.fromWire(message, Score.class, null)).isEqualTo(new Score(1, "goal"));
	}

	@Test
	void jsonWithoutContentTypeFromARawPeerIsReadIntoObjects() {
		WireMessage raw = WireMessage.of("{\"id\":2,\"text\":\"raw\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(this.converter.fromWire(raw, Score.class, null)).isEqualTo(new Score(2, "raw"));
	}

	@Test
	void genericCollectionsAreReadWithTheirElementType() throws Exception {
		WireMessage message = this.converter.toWire(List.of(new Score(1, "a"), new Score(2, "b")));
		Object scores = this.converter.fromWire(message, List.class,
				new MethodParameter(Listener.class.getMethod("scores", List.class), 0));
		assertThat(scores).asInstanceOf(InstanceOfAssertFactories.LIST)
			.containsExactly(new Score(1, "a"), new Score(2, "b"));
	}

	@Test
	void undecodableJsonFailsWithTheTargetTypeAndCause() {
		WireMessage broken = new WireMessage("{\"id\": oops".getBytes(StandardCharsets.UTF_8), null,
				"application/json", null, Map.of());
		assertThatExceptionOfType(PayloadConversionException.class)
			.isThrownBy(() -> this.converter.fromWire(broken, Score.class, null))
			.withMessageContaining(Score.class.getName())
			.withMessageContaining("application/json");
	}

	@Test
	void unknownContentTypeForAnObjectFailsSayingWhatToSend() {
		WireMessage unknown = new WireMessage(new byte[] { 1 }, null, "application/x-unknown", null, Map.of());
		assertThatExceptionOfType(PayloadConversionException.class)
			.isThrownBy(() -> this.converter.fromWire(unknown, Score.class, null))
			.withMessageContaining("application/x-unknown");
	}

	@Test
	void unwritableObjectFailsNamingItsType() {
		assertThatExceptionOfType(PayloadConversionException.class)
			.isThrownBy(() -> this.converter.toWire(new Object() {
				@SuppressWarnings("unused")
				public Object getSelf() {
					return this;
				}
			}))
			.withMessageContaining("Cannot write");
	}

	public record Score(int id, String text) {
	}

	interface Listener {

		void scores(List<Score> scores);

	}

}
