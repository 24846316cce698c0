package dev.switchboard.zmq;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.switchboard.core.SwitchboardHeaders;
import dev.switchboard.core.WireMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EnvelopeHeaderTests {

	private static final byte[] PAYLOAD = "hi".getBytes(StandardCharsets.UTF_8);

	@Test
	void everyFieldRoundTrips() throws Exception {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("tenant", "acme");
		headers.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
		headers.put("ünïcode", "✓");
		WireMessage message = new WireMessage(PAYLOAD, null, "application/json", "c-1", headers);
		WireMessage decoded = EnvelopeHeader.decode(EnvelopeHeader.encode(message), PAYLOAD, "topic.a");
		assertThat(decoded.payload()).isEqualTo(PAYLOAD);
		assertThat(decoded.topic()).isEqualTo("topic.a");
		assertThat(decoded.contentType()).isEqualTo("application/json");
		assertThat(decoded.correlationId()).isEqualTo("c-1");
		assertThat(decoded.headers()).isEqualTo(headers);
		assertThat(decoded.isError()).isFalse();
	}

	@Test
	void emptyFieldsDecodeAsAbsent() throws Exception {
		WireMessage decoded = EnvelopeHeader.decode(EnvelopeHeader.encode(WireMessage.of(PAYLOAD)), PAYLOAD, null);
		assertThat(decoded.contentType()).isNull();
		assertThat(decoded.correlationId()).isNull();
		assertThat(decoded.headers()).isEmpty();
	}

	@Test
	void contentTypesThatAlternateKeepTheirOwnTextAndBytes() throws Exception {
		String[] types = { "application/json", "text/plain", "", "text/plain", "application/json", "tëxt/ünïcode" };
		byte[][] headers = new byte[types.length][];
		for (int i = 0; i < types.length; i++) {
			headers[i] = EnvelopeHeader.encode(new WireMessage(PAYLOAD, null, types[i], null, Map.of()));
		}
		for (int round = 0; round < 2; round++) {
			for (int i = types.length - 1; i >= 0; i--) {
				WireMessage decoded = EnvelopeHeader.decode(headers[i], PAYLOAD, null);
				assertThat(decoded.contentType()).isEqualTo(types[i].isEmpty() ? null : types[i]);
				assertThat(EnvelopeHeader.encode(decoded)).isEqualTo(headers[i]);
			}
		}
	}

	@Test
	void errorReplySetsTheFlagAndKeepsTypeAndMessage() throws Exception {
		byte[] header = EnvelopeHeader.encode(WireMessage.error(new IllegalStateException("boom"), "7"));
		assertThat(header[2] & EnvelopeHeader.FLAG_ERROR).isEqualTo(EnvelopeHeader.FLAG_ERROR);
		WireMessage decoded = EnvelopeHeader.decode(header, new byte[0], null);
		assertThat(decoded.isError()).isTrue();
		assertThat(decoded.headers()).containsEntry(SwitchboardHeaders.ERROR_TYPE, "java.lang.IllegalStateException")
			.containsEntry(SwitchboardHeaders.ERROR_MESSAGE, "boom");
	}

	@Test
	void sequenceNumberIsStampedInPlace() {
		byte[] header = EnvelopeHeader.encode(WireMessage.of(PAYLOAD));
		EnvelopeHeader.stampSequence(header, 0x0102030405060708L);
		assertThat(Arrays.copyOfRange(header, 3, 11)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
	}

	@Test
	void encodingMatchesTheWorkedExampleInTheDocumentation() {
		WireMessage message = new WireMessage(PAYLOAD, null, "text/plain", "42", Map.of("tenant", "acme"));
		byte[] header = EnvelopeHeader.encode(message);
		EnvelopeHeader.stampSequence(header, 7);
		assertThat(HexFormat.of().formatHex(header)).isEqualTo("5301000000000000000007" + "000a746578742f706c61696e"
				+ "00023432" + "0000" + "0001" + "000674656e616e74" + "000461636d65");
	}

	@Test
	void headerShorterThanTheFixedPartIsRejected() {
		assertMalformed(new byte[] { 'S', 1, 0, 0, 0 }, "shorter than 11");
	}

	@Test
	void wrongMagicIsRejected() {
		byte[] header = valid();
		header[0] = 'X';
		assertMalformed(header, "expected 0x53 0x01");
	}

	@Test
	void unknownVersionIsRejected() {
		byte[] header = valid();
		header[1] = 2;
		assertMalformed(header, "envelope version 1");
	}

	@Test
	void headerTruncatedAnywhereAfterTheFixedPartIsRejected() {
		byte[] header = valid();
		for (int length = 11; length < header.length; length++) {
			assertMalformed(Arrays.copyOf(header, length), "truncated");
		}
	}

	@Test
	void trailingBytesAreRejected() {
		byte[] header = valid();
		assertMalformed(Arrays.copyOf(header, header.length + 1), "unexpected bytes");
	}

	@Test
	void invalidUtf8IsRejected() {
		byte[] header = EnvelopeHeader.encode(new WireMessage(PAYLOAD, null, "ab", null, Map.of()));
		header[13] = (byte) 0xC3;
		header[14] = (byte) 0x28;
		assertMalformed(header, "not valid UTF-8");
	}

	@Test
	void errorFlagWithoutErrorTypeIsRejected() {
		byte[] header = valid();
		header[2] = EnvelopeHeader.FLAG_ERROR;
		assertMalformed(header, "error flag is set");
	}

	@Test
	void errorTypeWithoutErrorFlagIsRejected() {
		byte[] header = EnvelopeHeader.encode(WireMessage.error(new IllegalStateException(), null));
		header[2] = 0;
		assertMalformed(header, "error flag is clear");
	}

	@Test
	void fieldLongerThanSixteenBitsCannotBeEncoded() {
		WireMessage message = new WireMessage(PAYLOAD, null, "x".repeat(70_000), null, Map.of());
		assertThatIllegalArgumentException().isThrownBy(() -> EnvelopeHeader.encode(message))
			.withMessageContaining("65535");
	}

	private static byte[] valid() {
		return EnvelopeHeader.encode(new WireMessage(PAYLOAD, null, "text/plain", "1", Map.of("a", "b")));
	}

	private static void assertMalformed(byte[] header, String reason) {
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> EnvelopeHeader.decode(header, PAYLOAD, null))
			.withMessageContaining(reason);
	}

}
