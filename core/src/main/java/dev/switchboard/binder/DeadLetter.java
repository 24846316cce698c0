package dev.switchboard.binder;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.switchboard.core.SwitchboardHeaders;
import dev.switchboard.core.WireMessage;

/**
 * A message given up on, with why: its listener failed on every attempt (or with a failure
 * marked not retryable), or its payload could not be decoded. Core creates it; the binder
 * carries it to its transport's dead-letter path.
 *
 * @param channel the channel the message arrived on
 * @param message the message as received
 * @param reason why it was given up
 * @param attempts how many times the listener was invoked (0 when the payload could not be
 * decoded)
 * @param failure the last failure
 */
public record DeadLetter(String channel, WireMessage message, Reason reason, int attempts, Throwable failure) {

	/**
	 * Why a message became a dead letter.
	 */
	public enum Reason {

		/**
		 * The listener threw on every attempt, or threw a failure that is not retried.
		 */
		LISTENER_FAILED("listener-failed"),

		/**
		 * The payload, content type or frame could not be decoded, so no listener ran.
		 */
		UNDECODABLE("undecodable");

		private final String wireValue;

		Reason(String wireValue) {
			this.wireValue = wireValue;
		}

		/**
		 * The value of the {@link SwitchboardHeaders#DEAD_LETTER_REASON} header.
		 * @return the wire value
		 */
		public String wireValue() {
			return this.wireValue;
		}

	}

	/**
	 * The message as it goes to a dead-letter queue: the original payload, content type,
	 * topic and headers, plus the failure in the {@code switchboard-exception-*},
	 * {@code switchboard-attempts}, {@code switchboard-dead-letter-reason} and
	 * {@code switchboard-original-*} headers, so whoever reads the queue sees what failed
	 * and where without Switchboard's logs.
	 * @return the message to dead-letter
	 */
	public WireMessage toWireMessage() {
		Map<String, String> headers = new LinkedHashMap<>(this.message.headers());
		headers.put(SwitchboardHeaders.DEAD_LETTER_REASON, this.reason.wireValue());
		headers.put(SwitchboardHeaders.EXCEPTION_TYPE, this.failure.getClass().getName());
		headers.put(SwitchboardHeaders.EXCEPTION_MESSAGE, String.valueOf(this.failure.getMessage()));
		headers.put(SwitchboardHeaders.ATTEMPTS, Integer.toString(this.attempts));
		headers.put(SwitchboardHeaders.ORIGINAL_CHANNEL, this.channel);
		String topic = this.message.topic();
		if (topic != null) {
			headers.put(SwitchboardHeaders.ORIGINAL_TOPIC, topic);
		}
		return this.message.withHeaders(headers);
	}

	/**
	 * One line for a log: channel, reason, attempts and the failure.
	 * @return the description
	 */
	public String describe() {
		String attempts = (this.reason == Reason.UNDECODABLE) ? "undecodable"
				: "failed after " + this.attempts + ((this.attempts == 1) ? " attempt" : " attempts");
		return "Channel '" + this.channel + "': message " + attempts + " (" + this.failure + ")";
	}

}
