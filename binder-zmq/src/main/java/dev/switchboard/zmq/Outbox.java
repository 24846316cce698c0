package dev.switchboard.zmq;

import dev.switchboard.BindingException;
import dev.switchboard.core.ChannelStatistics;

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

	/**
	 * Queue a reply, counting it as dropped when the socket is full or already closed: a
	 * listener finishing while its channel shuts down has nobody to tell.
	 * @param message the frames
	 * @param statistics where to count a drop
	 */
	default void reply(OutgoingMessage message, ChannelStatistics statistics) {
		try {
			if (!offer(message)) {
				statistics.dropped();
			}
		}
		catch (BindingException ex) {
			statistics.dropped();
		}
	}

}
