package dev.switchboard.binder;

/**
 * The receiving side of a channel: a request-reply listener, a subscriber, a pipeline worker
 * or a pair peer.
 *
 * <p>A binding can be paused, so an operator can drain a worker: while paused its handler
 * is called for no new message. What happens to the messages it would have received depends
 * on the transport and is documented by each binder (a broker gives them to other consumers;
 * a brokerless transport holds them back until {@link #resume()}).
 */
public interface InboundBinding extends Binding {

	/**
	 * Stop handing new messages to the handler; a message being handled finishes. Idempotent.
	 * @throws UnsupportedOperationException if the binder cannot pause
	 */
	default void pause() {
		throw new UnsupportedOperationException("Channel '" + channel().name() + "': this binding cannot be paused");
	}

	/**
	 * Hand messages to the handler again after {@link #pause()}. Idempotent.
	 * @throws UnsupportedOperationException if the binder cannot pause
	 */
	default void resume() {
		throw new UnsupportedOperationException("Channel '" + channel().name() + "': this binding cannot be paused");
	}

	/**
	 * Whether the binding is paused.
	 * @return {@code true} between {@link #pause()} and {@link #resume()}
	 */
	default boolean isPaused() {
		return false;
	}

}
