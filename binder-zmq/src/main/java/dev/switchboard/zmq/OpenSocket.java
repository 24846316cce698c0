package dev.switchboard.zmq;

import java.util.List;

import org.zeromq.ZMQ;

/**
 * A socket as opened by {@link SocketOpener}: the socket, the reader of its monitor events
 * and the endpoints it really bound or connected.
 *
 * @param socket the socket
 * @param monitor the PAIR socket receiving the socket's monitor events
 * @param endpoints the resolved endpoints
 */
record OpenSocket(ZMQ.Socket socket, ZMQ.Socket monitor, List<String> endpoints) {

}
