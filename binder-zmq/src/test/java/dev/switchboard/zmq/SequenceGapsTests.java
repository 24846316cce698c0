package dev.switchboard.zmq;

import java.nio.charset.StandardCharsets;

import dev.switchboard.core.WireMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SequenceGapsTests {

	private final SequenceGaps gaps = new SequenceGaps();

	@Test
	void firstMessageOfAPublisherAndTopicOnlySetsTheStart() {
		assertThat(this.gaps.missedBefore(topic("a"), header(7, 41))).isZero();
		assertThat(this.gaps.missedBefore(topic("a"), header(7, 42))).isZero();
	}

	@Test
	void skippedNumbersAreCountedPerPublisherAndTopic() {
		this.gaps.missedBefore(topic("a"), header(7, 0));
		this.gaps.missedBefore(topic("b"), header(7, 0));
		this.gaps.missedBefore(topic("a"), header(8, 100));
		assertThat(this.gaps.missedBefore(topic("a"), header(7, 5))).isEqualTo(4);
		assertThat(this.gaps.missedBefore(topic("b"), header(7, 1))).isZero();
		assertThat(this.gaps.missedBefore(topic("a"), header(8, 103))).isEqualTo(2);
	}

	@Test
	void sequenceWrapsAroundAtTwoToTheThirtyTwo() {
		this.gaps.missedBefore(topic("a"), header(7, -2));
		assertThat(this.gaps.missedBefore(topic("a"), header(7, 1))).isEqualTo(2);
	}

	@Test
	void aCounterThatStartsAgainIsARestartNotALoss() {
		this.gaps.missedBefore(topic("a"), header(7, 5000));
		assertThat(this.gaps.missedBefore(topic("a"), header(7, 0))).isZero();
		assertThat(this.gaps.missedBefore(topic("a"), header(7, 2))).isEqualTo(1);
	}

	@Test
	void headersWithoutAPublisherStampAreIgnored() {
		byte[] plain = EnvelopeHeader.encode(WireMessage.of(new byte[0]));
		EnvelopeHeader.stampSequence(plain, 3);
		assertThat(this.gaps.missedBefore(topic("a"), plain)).isZero();
		EnvelopeHeader.stampSequence(plain, 9);
		assertThat(this.gaps.missedBefore(topic("a"), plain)).isZero();
		assertThat(this.gaps.missedBefore(topic("a"), new byte[] { 'S' })).isZero();
	}

	@Test
	void publisherStampedHeaderStillDecodesAndVersionOneReadersIgnoreTheFlag() throws Exception {
		byte[] header = header(0x01020304, 0x0a0b0c0d);
		assertThat(header[2]).isEqualTo((byte) 0x02);
		assertThat(header).startsWith(new byte[] { 0x53, 0x01, 0x02, 0x01, 0x02, 0x03, 0x04, 0x0a, 0x0b, 0x0c, 0x0d });
		assertThat(EnvelopeHeader.decode(header, new byte[] { 'x' }, "a").isError()).isFalse();
	}

	private static byte[] header(int publisher, int sequence) {
		byte[] header = EnvelopeHeader.encode(WireMessage.of(new byte[0]));
		EnvelopeHeader.stampPublisher(header, publisher, sequence);
		return header;
	}

	private static byte[] topic(String topic) {
		return topic.getBytes(StandardCharsets.UTF_8);
	}

}
