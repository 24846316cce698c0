package dev.switchboard.binder;

import dev.switchboard.SwitchboardException;

/**
 * Thrown by an {@link InboundHandler} for a message that must take the dead-letter path.
 * The binder catches it and hands {@link #getDeadLetter() the dead letter} to its
 * transport's dead-letter path; on a transport that acknowledges, the original message is
 * acknowledged only once the dead letter is safe. It never reaches application code.
 */
public class DeadLetterException extends SwitchboardException {

	private final DeadLetter deadLetter;

	public DeadLetterException(DeadLetter deadLetter) {
		super(deadLetter.describe(), deadLetter.failure());
		this.deadLetter = deadLetter;
	}

	public DeadLetter getDeadLetter() {
		return this.deadLetter;
	}

}
