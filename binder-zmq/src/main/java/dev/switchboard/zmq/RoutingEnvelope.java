package dev.switchboard.zmq;

import java.util.Arrays;

/**
 * The routing frames of a request-reply message: everything up to the first empty frame,
 * which ZeroMQ's REQ and REP sockets treat as the delimiter and echo back unchanged.
 */
final class RoutingEnvelope {

	static final byte[] DELIMITER = new byte[0];

	private RoutingEnvelope() {
	}

	/**
	 * Where the delimiter is.
	 * @param frames the received frames
	 * @return the index of the first empty frame, or {@code -1}
	 */
	static int delimiter(byte[][] frames) {
		for (int i = 0; i < frames.length; i++) {
			if (frames[i].length == 0) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The frames to put before a reply: the routing frames and the delimiter.
	 * @param frames the request's frames
	 * @param delimiter the index of its delimiter
	 * @return the routing frames followed by an empty frame
	 */
	static byte[][] replyPrefix(byte[][] frames, int delimiter) {
		return Arrays.copyOf(frames, delimiter + 1);
	}

}
