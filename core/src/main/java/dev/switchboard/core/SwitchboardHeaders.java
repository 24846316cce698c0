package dev.switchboard.core;

/**
 * Names of the headers Switchboard itself fills in; use them with
 * {@link org.springframework.messaging.handler.annotation.Header @Header} on a listener
 * parameter. Every other header name is a user header and travels as-is.
 */
public final class SwitchboardHeaders {

	/**
	 * The topic a pub-sub message was published on, when the framing carries it.
	 */
	public static final String TOPIC = "switchboard_topic";

	/**
	 * The correlation id of a request or reply.
	 */
	public static final String CORRELATION_ID = "switchboard_correlationId";

	/**
	 * The payload's content type, as carried on the wire.
	 */
	public static final String CONTENT_TYPE = "contentType";

	/**
	 * The name of the channel the message arrived on.
	 */
	public static final String CHANNEL = "switchboard_channel";

	/**
	 * Wire header of an error reply: the class name of the exception the listener threw.
	 */
	public static final String ERROR_TYPE = "switchboard-error-type";

	/**
	 * Wire header of an error reply: the message of the exception the listener threw.
	 */
	public static final String ERROR_MESSAGE = "switchboard-error-message";

	/**
	 * Wire header of a dead letter: why it was given up, {@code listener-failed} or
	 * {@code undecodable}.
	 */
	public static final String DEAD_LETTER_REASON = "switchboard-dead-letter-reason";

	/**
	 * Wire header of a dead letter: the class name of the exception that failed it. Apart
	 * from the error reply's header so that a dead letter is never mistaken for one.
	 */
	public static final String EXCEPTION_TYPE = "switchboard-exception-type";

	/**
	 * Wire header of a dead letter: the message of the exception that failed it.
	 */
	public static final String EXCEPTION_MESSAGE = "switchboard-exception-message";

	/**
	 * Wire header of a dead letter: how many times the listener was invoked.
	 */
	public static final String ATTEMPTS = "switchboard-attempts";

	/**
	 * Wire header of a dead letter: the channel it was received on.
	 */
	public static final String ORIGINAL_CHANNEL = "switchboard-original-channel";

	/**
	 * Wire header of a dead letter: the topic it was published on, when it had one.
	 */
	public static final String ORIGINAL_TOPIC = "switchboard-original-topic";

	private SwitchboardHeaders() {
	}

}
