package dev.switchboard.zmq;

import java.nio.charset.StandardCharsets;

import dev.switchboard.core.WireMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopicSequencesTests {

	private final TopicSequences sequences = new TopicSequences();

	@Test
	void eachTopicIsNumberedOnItsOwnWhetherItsMessagesComeInRunsOrInterleaved() {
		assertThat(stamp("a")).isZero();
		assertThat(stamp("a")).isEqualTo(1);
		assertThat(stamp("b")).isZero();
		assertThat(stamp("a")).isEqualTo(2);
		assertThat(stamp("b")).isEqualTo(1);
		assertThat(stamp("b")).isEqualTo(2);
		assertThat(stamp("")).isZero();
		assertThat(stamp("a")).isEqualTo(3);
	}

	@Test
	void everyHeaderCarriesTheSamePublisherId() {
		byte[] first = header();
		byte[] second = header();
		this.sequences.stamp(topic("a"), first);
		this.sequences.stamp(topic("b"), second);
		assertThat(EnvelopeHeader.isPublisherStamped(first)).isTrue();
		assertThat(EnvelopeHeader.publisher(second)).isEqualTo(EnvelopeHeader.publisher(first));
	}

	private int stamp(String topic) {
		byte[] header = header();
		this.sequences.stamp(topic(topic), header);
		return EnvelopeHeader.topicSequence(header);
	}

	private static byte[] topic(String topic) {
		return topic.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] header() {
		return EnvelopeHeader.encode(WireMessage.of(new byte[0]));
	}

}
