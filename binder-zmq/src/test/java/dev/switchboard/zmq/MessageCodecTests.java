package dev.switchboard.zmq;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.switchboard.BindingException;
import dev.switchboard.core.WireMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MessageCodecTests {

	private static final WireMessage SCORE = new WireMessage(bytes("1-Update"), "1", "text/plain", null, Map.of());

	@Test
	void envelopePubSubSendsTopicHeaderAndPayload() throws Exception {
		MessageCodec codec = new MessageCodec("scores", ZmqFraming.ENVELOPE, true);
		OutgoingMessage frames = codec.encode(SCORE);
		assertThat(frames.frames().length).isEqualTo(3);
		assertThat(frames.frames()[0]).isEqualTo(bytes("1"));
		assertThat(frames.headerIndex()).isEqualTo(1);
		WireMessage decoded = codec.decode(frames.frames(), 0);
		assertThat(decoded.topic()).isEqualTo("1");
		assertThat(decoded.contentType()).isEqualTo("text/plain");
		assertThat(decoded.payload()).isEqualTo(bytes("1-Update"));
	}

	@Test
	void topicsThatAlternateKeepTheirOwnFramesAndText() throws Exception {
		MessageCodec codec = new MessageCodec("scores", ZmqFraming.ENVELOPE, true);
		String[] topics = { "1", "1", "2", "", "1", "ünï" };
		for (String topic : topics) {
			OutgoingMessage encoded = codec.encode(SCORE.withTopic(topic));
			assertThat(encoded.frames()[0]).isEqualTo(topic.getBytes(StandardCharsets.UTF_8));
			assertThat(codec.decode(encoded.frames(), 0).topic()).isEqualTo(topic);
		}
	}

	@Test
	void envelopeElsewhereSendsHeaderAndPayload() throws Exception {
		MessageCodec codec = new MessageCodec("tasks", ZmqFraming.ENVELOPE, false);
		OutgoingMessage frames = codec.encode(SCORE.withTopic(null));
		assertThat(frames.frames().length).isEqualTo(2);
		assertThat(frames.headerIndex()).isZero();
		assertThat(codec.decode(frames.frames(), 0).payload()).isEqualTo(bytes("1-Update"));
	}

	@Test
	void rawSendsThePayloadAloneAndReadsItWithoutTopic() throws Exception {
		MessageCodec codec = new MessageCodec("scores", ZmqFraming.RAW, true);
		OutgoingMessage frames = codec.encode(SCORE);
		assertThat(frames.frames().length).isOne();
		assertThat(frames.frames()[0]).isEqualTo(bytes("1-Update"));
		assertThat(frames.headerIndex()).isEqualTo(-1);
		WireMessage decoded = codec.decode(frames.frames(), 0);
		assertThat(decoded.topic()).isNull();
		assertThat(decoded.payload()).isEqualTo(bytes("1-Update"));
	}

	@Test
	void rawPublishWhosePayloadDoesNotStartWithTheTopicFails() {
		MessageCodec codec = new MessageCodec("scores", ZmqFraming.RAW, true);
		assertThatExceptionOfType(BindingException.class).isThrownBy(() -> codec.encode(SCORE.withTopic("2")))
			.withMessageContaining("scores")
			.withMessageContaining("does not start with topic '2'")
			.withMessageContaining("switchboard.channels.scores.zmq.framing=envelope");
	}

	@Test
	void wrongFrameCountsAreMalformed() {
		MessageCodec envelope = new MessageCodec("tasks", ZmqFraming.ENVELOPE, false);
		MessageCodec pubSub = new MessageCodec("scores", ZmqFraming.ENVELOPE, true);
		MessageCodec raw = new MessageCodec("tasks", ZmqFraming.RAW, false);
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> envelope.decode(new byte[][] { bytes("payload only") }, 0))
			.withMessageContaining("expected 2");
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> pubSub.decode(new byte[][] { bytes("t"), bytes("x") }, 0))
			.withMessageContaining("expected 3");
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> raw.decode(new byte[][] { bytes("a"), bytes("b") }, 0))
			.withMessageContaining("expected 1");
	}

	@Test
	void topicFrameThatIsNotUtf8IsMalformed() {
		MessageCodec codec = new MessageCodec("scores", ZmqFraming.ENVELOPE, true);
		byte[][] frames = codec.encode(SCORE).frames();
		frames[0] = new byte[] { (byte) 0xFF };
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> codec.decode(frames, 0))
			.withMessageContaining("topic frame");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
