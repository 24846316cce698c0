package dev.switchboard.zmq;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A subscriber's count of messages lost on the way, from the gaps in what each publisher
 * numbered per topic (see {@link TopicSequences}). ZeroMQ delivers each connection's
 * messages in order, so a number skipped is a message dropped, at a high-water mark or with
 * a broken connection. The first message of a publisher and topic only sets the start: what
 * was published before the subscription reached the publisher is not a loss. A number lower
 * than expected means the publisher's counter restarted, and is not counted either. Used by
 * the socket's I/O thread only; at most {@value #MAX_STREAMS} publisher and topic pairs are
 * remembered.
 */
final class SequenceGaps {

	static final int MAX_STREAMS = 4096;

	private static final long HALF_RANGE = 1L << 31;

	private final Map<Stream, int[]> last = new LinkedHashMap<>(64, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Stream, int[]> eldest) {
			return size() > MAX_STREAMS;
		}

	};

	/**
	 * Take note of a received message.
	 * @param topic the topic frame
	 * @param header the header frame
	 * @return how many messages of the same publisher and topic were skipped before it, or 0
	 * when the header carries no publisher stamp
	 */
	long missedBefore(byte[] topic, byte[] header) {
		if (!EnvelopeHeader.isPublisherStamped(header)) {
			return 0;
		}
		int sequence = EnvelopeHeader.topicSequence(header);
		Stream stream = new Stream(EnvelopeHeader.publisher(header), ByteBuffer.wrap(topic));
		int[] previous = this.last.get(stream);
		if (previous == null) {
			this.last.put(stream, new int[] { sequence });
			return 0;
		}
		long skipped = Integer.toUnsignedLong(sequence - previous[0] - 1);
		previous[0] = sequence;
		return (skipped < HALF_RANGE) ? skipped : 0;
	}

	/**
	 * One publisher's messages on one topic; a {@link ByteBuffer} compares by content.
	 */
	private record Stream(int publisher, ByteBuffer topic) {

	}

}
