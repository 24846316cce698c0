package dev.switchboard.zmq;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

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

	private @Nullable Recent recent;

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
		int publisher = EnvelopeHeader.publisher(header);
		Recent recent = this.recent;
		int[] previous = (recent != null && recent.publisher() == publisher && Arrays.equals(recent.topic(), topic))
				? recent.last() : lookup(publisher, topic);
		if (previous == null) {
			int[] first = { sequence };
			this.last.put(new Stream(publisher, ByteBuffer.wrap(topic)), first);
			this.recent = new Recent(publisher, topic, first);
			return 0;
		}
		long skipped = Integer.toUnsignedLong(sequence - previous[0] - 1);
		previous[0] = sequence;
		return (skipped < HALF_RANGE) ? skipped : 0;
	}

	private int @Nullable [] lookup(int publisher, byte[] topic) {
		int[] last = this.last.get(new Stream(publisher, ByteBuffer.wrap(topic)));
		if (last != null) {
			this.recent = new Recent(publisher, topic, last);
		}
		return last;
	}

	/**
	 * One publisher's messages on one topic; a {@link ByteBuffer} compares by content.
	 */
	private record Stream(int publisher, ByteBuffer topic) {

	}

	/**
	 * The stream of the previous message and its last number: messages usually come in runs
	 * from one publisher on one topic, and a map lookup per message allocated its key. A run
	 * does not refresh the stream's place in the least-recently-used order; if more than
	 * {@value #MAX_STREAMS} other streams push it out meanwhile, its next number after
	 * another stream came between starts it again, uncounted.
	 */
	private record Recent(int publisher, byte[] topic, int[] last) {

	}

}
