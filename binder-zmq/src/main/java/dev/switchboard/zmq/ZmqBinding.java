package dev.switchboard.zmq;

import java.util.List;

import dev.switchboard.binder.Binding;

/**
 * A binding carried by a ZeroMQ socket; every binding {@link ZmqBinder} returns is one.
 */
public interface ZmqBinding extends Binding {

	/**
	 * The endpoints the socket bound or connected to, with wildcard ports resolved to the
	 * port actually bound, such as {@code tcp://127.0.0.1:41235} for
	 * {@code tcp://127.0.0.1:*}.
	 * @return the endpoints
	 */
	List<String> endpoints();

}
