package dev.switchboard.amqp;

import dev.switchboard.BindingException;

import org.jspecify.annotations.Nullable;

/**
 * A publish that failed because the connection to the broker went away, before the publish
 * or before its confirm: the message may or may not have arrived, and publishing it again
 * once the connection has recovered gives at-least-once delivery.
 */
final class ConnectionLostException extends BindingException {

	ConnectionLostException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	/**
	 * Whether a failure means the connection, not just the channel, is gone.
	 * @param failure what amqp-client threw or reported
	 * @return {@code true} for a connection-level shutdown or an I/O failure without one
	 */
	static boolean isConnectionLoss(Throwable failure) {
		var signal = BrokerFailures.shutdownSignal(failure);
		if (signal != null) {
			return signal.isHardError();
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof java.net.SocketException || cause instanceof java.io.EOFException) {
				return true;
			}
		}
		return false;
	}

}
