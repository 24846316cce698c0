package dev.switchboard.benchmarks.switchboard;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The captured frames travel to the measuring JVM as an argument, byte for byte.
 */
class EnvelopeFramesTests {

	@Test
	void framesSurviveTheTripThroughAnArgument() {
		List<byte[]> frames = List.of(new byte[] { 't' }, new byte[] { 'S', 1, 0, (byte) 0xFF, 0, '=', ',' });
		String argument = EnvelopeFrames.toArgument(frames);

		assertThat(EnvelopeFrames.fromArguments("transport=zmq", argument, "payload=100")).containsExactlyElementsOf(frames);
	}

	@Test
	void noFramesAreNoFrames() {
		assertThat(EnvelopeFrames.fromArguments(EnvelopeFrames.toArgument(List.of()))).isEmpty();
	}

	@Test
	void aMissingArgumentIsAnError() {
		assertThatIllegalArgumentException().isThrownBy(() -> EnvelopeFrames.fromArguments("transport=zmq"));
	}

}
