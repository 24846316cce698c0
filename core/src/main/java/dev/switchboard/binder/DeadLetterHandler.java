package dev.switchboard.binder;

/**
 * Where a transport without a dead-letter queue of its own, such as ZeroMQ, sends the
 * messages it gives up on. Declare a bean of this type to keep them (write them to a
 * table, forward them to a RabbitMQ queue); by default they are logged and counted.
 * Called on the listener's thread; an exception it throws is logged and the dead letter is
 * dropped.
 */
@FunctionalInterface
public interface DeadLetterHandler {

	/**
	 * Take one dead letter.
	 * @param deadLetter the message and why it was given up
	 */
	void handle(DeadLetter deadLetter);

}
