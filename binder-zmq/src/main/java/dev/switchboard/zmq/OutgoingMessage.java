package dev.switchboard.zmq;

/**
 * Frames on their way to a socket's I/O thread.
 *
 * @param frames the frames, sent as one multipart message
 * @param headerIndex which frame is an envelope header to stamp with the socket's sequence
 * number, or {@code -1} for none
 */
record OutgoingMessage(byte[][] frames, int headerIndex) {

	/**
	 * The same message behind routing frames, such as a ROUTER's peer identity or a
	 * DEALER's correlation id and empty delimiter.
	 * @param prefix the frames to put first
	 * @return the longer message
	 */
	OutgoingMessage prefixedWith(byte[]... prefix) {
		byte[][] all = new byte[prefix.length + this.frames.length][];
		System.arraycopy(prefix, 0, all, 0, prefix.length);
		System.arraycopy(this.frames, 0, all, prefix.length, this.frames.length);
		return new OutgoingMessage(all, (this.headerIndex < 0) ? -1 : this.headerIndex + prefix.length);
	}

	/**
	 * A copy to send again: the I/O thread stamps the header frame in place, so a resend
	 * must not share it with a send that may still be in a ZeroMQ pipe.
	 * @return the copy
	 */
	OutgoingMessage copy() {
		byte[][] copy = this.frames.clone();
		if (this.headerIndex >= 0) {
			copy[this.headerIndex] = copy[this.headerIndex].clone();
		}
		return new OutgoingMessage(copy, this.headerIndex);
	}

}
