package dev.switchboard;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a transport cannot bind, connect, send or receive for a channel: an endpoint
 * already in use, an unreachable broker, a binding that was closed.
 */
public class BindingException extends SwitchboardException {

	public BindingException(String message) {
		super(message);
	}

	public BindingException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
