package dev.switchboard.binder;

import dev.switchboard.core.WireMessage;

/**
 * The sending side of a pub-sub, pipeline or pair channel.
 */
public interface OutboundBinding extends Binding {

	/**
	 * Hand a message to the transport; safe to call from any thread. The message's topic is
	 * used on pub-sub channels. Returns once the transport has taken responsibility for the
	 * message as far as its documented guarantee goes (queued for a socket on ZeroMQ,
	 * confirmed by the broker on AMQP).
	 * @param message the message
	 * @throws dev.switchboard.BindingException if the transport refuses it
	 */
	void send(WireMessage message);

}
