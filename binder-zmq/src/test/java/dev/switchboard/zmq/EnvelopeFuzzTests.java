package dev.switchboard.zmq;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

import dev.switchboard.core.WireMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Property-based fuzzing of the envelope decoder with random frames and with valid frames
 * mutated byte by byte: whatever arrives, the decoder returns a message or throws
 * {@link MalformedMessageException}, nothing else. Seeded and bounded; a failure prints the
 * seed and the case, and {@code -Dswitchboard.fuzz.seed=<seed>} replays it.
 */
class EnvelopeFuzzTests {

	private static final int CASES = 200_000;

	private static final MessageCodec[] CODECS = { new MessageCodec("fuzz", ZmqFraming.ENVELOPE, true),
			new MessageCodec("fuzz", ZmqFraming.ENVELOPE, false), new MessageCodec("fuzz", ZmqFraming.RAW, true),
			new MessageCodec("fuzz", ZmqFraming.RAW, false) };

	private static final String[] WORDS = { "", "a", "text/plain", "application/json", "42", "traceparent",
			"switchboard-error-type", "switchboard-error-message", "tenant", "é", "日本", "\u0000" };

	private final long seed = Long.getLong("switchboard.fuzz.seed", System.nanoTime());

	private final SplittableRandom random = new SplittableRandom(this.seed);

	@Test
	void decoderOnlyEverReturnsAMessageOrThrowsTheDocumentedDecodeError() {
		int decoded = 0;
		for (int i = 0; i < CASES; i++) {
			byte[][] frames = (i % 2 == 0) ? randomFrames() : mutate(validFrames());
			for (MessageCodec codec : CODECS) {
				decoded += decode(codec, frames, i) ? 1 : 0;
			}
			probeGapsAndStamp(frames, i);
		}
		assertThat(decoded).as("some mutated frames still decode (seed " + this.seed + ")").isPositive();
	}

	@Test
	void everyValidMessageSurvivesTheRoundTrip() throws Exception {
		MessageCodec codec = CODECS[0];
		for (int i = 0; i < CASES / 10; i++) {
			WireMessage message = randomMessage();
			WireMessage decoded = codec.decode(codec.encode(message).frames(), 0);
			if (!decoded.headers().equals(message.headers()) || !Objects.equals(decoded.topic(), message.topic())
					|| !Objects.equals(decoded.contentType(), message.contentType())
					|| !Objects.equals(decoded.correlationId(), message.correlationId())
					|| !Arrays.equals(decoded.payload(), message.payload())) {
				fail("seed " + this.seed + ", case " + i + ": " + message + " came back as " + decoded);
			}
		}
	}

	private boolean decode(MessageCodec codec, byte[][] frames, int number) {
		try {
			codec.decode(frames, 0);
			return true;
		}
		catch (MalformedMessageException ex) {
			return false;
		}
		catch (Throwable ex) {
			throw new AssertionError("seed " + this.seed + ", case " + number + ", " + codec.framing() + ": "
					+ ex + " escaped the decoder for frames " + hex(frames), ex);
		}
	}

	private void probeGapsAndStamp(byte[][] frames, int number) {
		try {
			if (frames.length >= 2) {
				new SequenceGaps().missedBefore(frames[0], frames[1]);
			}
		}
		catch (RuntimeException ex) {
			throw new AssertionError("seed " + this.seed + ", case " + number + ": " + ex
					+ " escaped the gap counter for frames " + hex(frames), ex);
		}
	}

	private byte[][] randomFrames() {
		byte[][] frames = new byte[this.random.nextInt(5)][];
		for (int i = 0; i < frames.length; i++) {
			frames[i] = randomBytes(this.random.nextInt(48));
			if (frames[i].length >= 2 && this.random.nextBoolean()) {
				frames[i][0] = EnvelopeHeader.MAGIC;
				frames[i][1] = EnvelopeHeader.VERSION;
			}
		}
		return frames;
	}

	private byte[][] validFrames() {
		OutgoingMessage encoded = CODECS[this.random.nextInt(2)].encode(randomMessage());
		if (this.random.nextBoolean()) {
			EnvelopeHeader.stampPublisher(encoded.frames()[encoded.headerIndex()], this.random.nextInt(),
					this.random.nextInt());
		}
		return encoded.frames();
	}

	/**
	 * One to four random edits: flip a bit, set a byte to an edge value, cut or grow a
	 * frame, or add, drop or swap a frame.
	 */
	private byte[][] mutate(byte[][] frames) {
		for (int edits = 1 + this.random.nextInt(4); edits > 0 && frames.length > 0; edits--) {
			int index = this.random.nextInt(frames.length);
			byte[] frame = frames[index];
			switch (this.random.nextInt(7)) {
				case 0 -> flipBit(frame);
				case 1 -> setEdgeByte(frame);
				case 2 -> frames[index] = Arrays.copyOf(frame, this.random.nextInt(frame.length + 1));
				case 3 -> frames[index] = grow(frame);
				case 4 -> frames = Arrays.copyOf(frames, frames.length + 1);
				case 5 -> frames = Arrays.copyOf(frames, frames.length - 1);
				default -> swap(frames, index, this.random.nextInt(frames.length));
			}
			for (int i = 0; i < frames.length; i++) {
				if (frames[i] == null) {
					frames[i] = randomBytes(this.random.nextInt(16));
				}
			}
		}
		return frames;
	}

	private void flipBit(byte[] frame) {
		if (frame.length > 0) {
			frame[this.random.nextInt(frame.length)] ^= (byte) (1 << this.random.nextInt(8));
		}
	}

	private void setEdgeByte(byte[] frame) {
		if (frame.length > 0) {
			byte[] edges = { 0, 1, (byte) 0x7F, (byte) 0x80, (byte) 0xC0, (byte) 0xED, (byte) 0xFF };
			frame[this.random.nextInt(frame.length)] = edges[this.random.nextInt(edges.length)];
		}
	}

	private byte[] grow(byte[] frame) {
		byte[] extra = randomBytes(1 + this.random.nextInt(8));
		byte[] grown = Arrays.copyOf(frame, frame.length + extra.length);
		System.arraycopy(extra, 0, grown, frame.length, extra.length);
		return grown;
	}

	private static void swap(byte[][] frames, int a, int b) {
		byte[] first = frames[a];
		frames[a] = frames[b];
		frames[b] = first;
	}

	private WireMessage randomMessage() {
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = this.random.nextInt(4); i > 0; i--) {
			headers.put(word() + i, word());
		}
		if (this.random.nextInt(8) == 0) {
			headers.put("traceparent", "00-" + "0".repeat(32) + "-" + "1".repeat(16) + "-01");
		}
		String contentType = this.random.nextBoolean() ? "text/plain" : null;
		String correlation = this.random.nextBoolean() ? Integer.toString(this.random.nextInt(1000)) : null;
		return new WireMessage(randomBytes(this.random.nextInt(32)), "topic." + word(), contentType, correlation,
				headers);
	}

	private String word() {
		return WORDS[this.random.nextInt(WORDS.length)];
	}

	private byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) this.random.nextInt(256);
		}
		return bytes;
	}

	private static String hex(byte[][] frames) {
		StringBuilder out = new StringBuilder();
		for (byte[] frame : frames) {
			out.append('[').append(HexFormat.of().formatHex(frame)).append(']');
		}
		return out.toString();
	}

}
