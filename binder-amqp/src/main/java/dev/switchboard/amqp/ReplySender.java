package dev.switchboard.amqp;

import com.rabbitmq.client.AMQP;
import dev.switchboard.core.WireMessage;

/**
 * Sends what a handler returned: a reply to a request's caller, or a pair message to the
 * other peer.
 */
@FunctionalInterface
interface ReplySender {

	/**
	 * Send a handler's result.
	 * @param request the properties of the message being answered
	 * @param reply what the handler returned
	 */
	void send(AMQP.BasicProperties request, WireMessage reply);

}
