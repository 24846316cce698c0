package dev.switchboard.benchmarks;

/**
 * A way of moving messages that can be measured: it sets up a receiving side that reports
 * every message to a {@link Probe}, and hands out one {@link Sender} per sending thread.
 */
@FunctionalInterface
public interface Subject {

	/**
	 * Set up both sides for a scenario.
	 * @param scenario what to measure
	 * @param probe where the receiving side reports each message
	 * @return the running subject
	 * @throws Exception if it cannot start
	 */
	Running open(Scenario scenario, Probe probe) throws Exception;

	/**
	 * A subject that is set up and receiving.
	 */
	interface Running extends AutoCloseable {

		/**
		 * A sender for the calling thread, used by that thread only.
		 * @return the sender
		 * @throws Exception if it cannot be created
		 */
		Sender newSender() throws Exception;

	}

	/**
	 * Sends one message; for request-reply, returns once the reply is back.
	 */
	@FunctionalInterface
	interface Sender extends AutoCloseable {

		/**
		 * Send a payload (or make a call with it).
		 * @param payload the payload, never modified
		 * @throws Exception if the send fails
		 */
		void send(byte[] payload) throws Exception;

		@Override
		default void close() throws Exception {
		}

	}

}
