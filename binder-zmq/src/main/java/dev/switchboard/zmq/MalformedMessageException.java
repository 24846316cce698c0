package dev.switchboard.zmq;

/**
 * Thrown when received frames do not form a message this channel's framing can read. The
 * binder counts it as malformed, logs it once and drops the message; it never reaches
 * application code.
 */
final class MalformedMessageException extends Exception {

	MalformedMessageException(String message) {
		super(message, null, false, false);
	}

}
