package dev.switchboard;

/**
 * Thrown to a request-reply caller when the far side's listener failed: it carries the far
 * exception's type and message, since the exception object itself never crosses the wire.
 */
public class RemoteInvocationException extends SwitchboardException {

	private final String channel;

	private final String remoteType;

	private final String remoteMessage;

	public RemoteInvocationException(String channel, String remoteType, String remoteMessage) {
		super("Listener on channel '" + channel + "' failed: " + remoteType + ": " + remoteMessage);
		this.channel = channel;
		this.remoteType = remoteType;
		this.remoteMessage = remoteMessage;
	}

	public String getChannel() {
		return this.channel;
	}

	/**
	 * The fully qualified class name of the exception thrown by the far listener.
	 */
	public String getRemoteType() {
		return this.remoteType;
	}

	/**
	 * The message of the exception thrown by the far listener (empty when it had none).
	 */
	public String getRemoteMessage() {
		return this.remoteMessage;
	}

}
