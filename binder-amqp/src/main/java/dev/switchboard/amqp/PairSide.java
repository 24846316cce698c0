package dev.switchboard.amqp;

/**
 * Which end of a pair channel a binder plays. Side {@code a} consumes {@code <channel>.a} and
 * sends to {@code <channel>.b}; side {@code b} the other way round.
 */
public enum PairSide {

	/**
	 * Take whichever side is free when the channel is first bound, {@code a} first. A peer
	 * that finds both sides taken is refused, so a third peer never breaks a running pair.
	 */
	AUTO,

	/**
	 * Always side {@code a}. A second peer configured as {@code a} waits as a standby
	 * consumer and takes over when the active one goes away.
	 */
	A,

	/**
	 * Always side {@code b}, with the same standby behaviour as {@link #A}.
	 */
	B

}
