package dev.switchboard.zmq;

import org.zeromq.ZMQ;

/**
 * Adjusts a socket after the binder has applied its own options and before it binds or
 * connects, for settings the binder does not model, such as CURVE security. Called on the
 * thread that owns the socket.
 */
@FunctionalInterface
public interface ZmqSocketCustomizer {

	/**
	 * Customize one socket.
	 * @param channel the channel the socket serves
	 * @param socket the socket, not yet bound or connected
	 */
	void customize(String channel, ZMQ.Socket socket);

}
