package dev.switchboard.zmq;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A publisher's numbering of what it sends: one random id for the socket, one counter per
 * topic. Counting per topic, not per socket, is what lets a subscriber see losses: a SUB
 * only receives the topics it subscribed to, so a count over all topics would jump at every
 * message it filtered out. Used by the socket's I/O thread only.
 *
 * <p>At most {@value #MAX_TOPICS} counters are kept, least recently used dropped first; a
 * topic whose counter was dropped starts again at 0, which subscribers read as a restart,
 * not a loss.
 */
final class TopicSequences {

	static final int MAX_TOPICS = 4096;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final int publisher = RANDOM.nextInt();

	private final Map<ByteBuffer, int[]> counters = new LinkedHashMap<>(64, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<ByteBuffer, int[]> eldest) {
			return size() > MAX_TOPICS;
		}

	};

	private @Nullable Recent recent;

	/**
	 * Stamp a header with this publisher's id and the next number of its topic.
	 * @param topic the topic frame
	 * @param header the header frame
	 */
	void stamp(byte[] topic, byte[] header) {
		Recent recent = this.recent;
		int[] counter = (recent != null && Arrays.equals(recent.topic(), topic)) ? recent.counter() : counter(topic);
		EnvelopeHeader.stampPublisher(header, this.publisher, counter[0]++);
	}

	private int[] counter(byte[] topic) {
		int[] counter = this.counters.computeIfAbsent(ByteBuffer.wrap(topic), (key) -> new int[1]);
		this.recent = new Recent(topic, counter);
		return counter;
	}

	/**
	 * The topic of the previous message and its counter. A publisher usually sends a run of
	 * messages on one topic, and wrapping the topic for a map lookup allocated on every
	 * message. A run does not refresh the topic's place in the least-recently-used order;
	 * if more than {@value #MAX_TOPICS} other topics push it out meanwhile, it starts again
	 * at 0 once another topic came between, which subscribers read as a restart.
	 */
	private record Recent(byte[] topic, int[] counter) {

	}

}
