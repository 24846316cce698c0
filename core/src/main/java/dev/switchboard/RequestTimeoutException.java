package dev.switchboard;

import java.time.Duration;

/**
 * Thrown when a request-reply call gets no reply within its timeout. A request never
 * returns {@code null} in place of this exception.
 */
public class RequestTimeoutException extends SwitchboardException {

	private final String channel;

	private final Duration timeout;

	public RequestTimeoutException(String channel, Duration timeout) {
		super("No reply on channel '" + channel + "' within " + timeout.toMillis()
				+ " ms: is a listener running, and is the channel's transport reachable?");
		this.channel = channel;
		this.timeout = timeout;
	}

	public String getChannel() {
		return this.channel;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

}
