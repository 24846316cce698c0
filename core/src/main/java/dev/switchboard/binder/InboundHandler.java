package dev.switchboard.binder;

import dev.switchboard.core.WireMessage;

import org.jspecify.annotations.Nullable;

/**
 * What a binder calls for each message it receives. Core supplies the implementation; it
 * converts, invokes the listener and turns failures into counts, logs and error replies, so
 * it does not throw for a bad message or a failing listener.
 */
@FunctionalInterface
public interface InboundHandler {

	/**
	 * Handle one message.
	 * @param message the message as received
	 * @return the reply to send back on a request-reply channel, or on a pair channel a
	 * message to send to the peer; {@code null} when there is nothing to send
	 */
	@Nullable WireMessage handle(WireMessage message);

}
