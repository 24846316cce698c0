package dev.switchboard.zmq;

/**
 * Where a binding queues frames for a socket's I/O thread; safe from any thread.
 */
@FunctionalInterface
interface Outbox {

	/**
	 * Queue a message.
	 * @param message the frames
	 * @return {@code false} when the send high-water mark's worth is already queued
	 * @throws dev.switchboard.BindingException if the socket is closed
	 */
	boolean offer(OutgoingMessage message);

}
