package dev.switchboard.zmq;

/**
 * Received frames that do not form a message this channel's framing can read: wrong frame
 * count, a bad envelope header, invalid UTF-8. The binder never throws it at application
 * code; it counts the message as malformed, logs it (rate-limited) and then either answers
 * the caller with an error reply of this type (request-reply) or hands a
 * {@link dev.switchboard.binder.DeadLetter} whose {@code failure()} is this exception to
 * the application's {@code DeadLetterHandler} (other patterns). Its message says what was
 * wrong with the frames; it has no stack trace, as it describes the input, not the code.
 * <p>
 * It is checked so that every decoding path in the binder must handle it: it is the only
 * failure decoding may produce.
 */
public final class MalformedMessageException extends Exception {

	MalformedMessageException(String message) {
		super(message, null, false, false);
	}

}
