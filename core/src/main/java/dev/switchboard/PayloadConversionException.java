package dev.switchboard;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a payload cannot be converted to or from bytes: an undecodable body, an
 * unknown content type, or an object no converter can write.
 */
public class PayloadConversionException extends SwitchboardException {

	public PayloadConversionException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
