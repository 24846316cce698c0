package dev.switchboard.zmq;

/**
 * What a socket's I/O thread hands each received multipart message to. Called on the I/O
 * thread, so implementations pass the frames on to workers quickly.
 */
@FunctionalInterface
interface Receiver {

	/**
	 * Take one received message.
	 * @param frames its frames, routing frames included
	 * @param replies the socket it arrived on, for replies
	 */
	void receive(byte[][] frames, Outbox replies);

}
