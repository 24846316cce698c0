package dev.switchboard;

import org.jspecify.annotations.Nullable;

/**
 * Root of every exception Switchboard throws, so callers can catch one type whatever the
 * transport underneath.
 */
public class SwitchboardException extends RuntimeException {

	public SwitchboardException(String message) {
		super(message);
	}

	public SwitchboardException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
