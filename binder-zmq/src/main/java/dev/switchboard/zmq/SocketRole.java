package dev.switchboard.zmq;

import java.util.Locale;

import org.zeromq.SocketType;

/**
 * The part a socket plays in a pattern, with its socket type, whether it binds unless the
 * channel says otherwise, and whether the bindings of one binder share it.
 */
enum SocketRole {

	PUBLISHER(SocketType.PUB, true, true),

	SUBSCRIBER(SocketType.SUB, false, false),

	PRODUCER(SocketType.PUSH, true, true),

	WORKER(SocketType.PULL, false, false),

	PEER(SocketType.PAIR, false, true),

	LISTENER(SocketType.ROUTER, true, true),

	CALLER(SocketType.DEALER, false, false);

	private final SocketType type;

	private final boolean bindByDefault;

	private final boolean shared;

	SocketRole(SocketType type, boolean bindByDefault, boolean shared) {
		this.type = type;
		this.bindByDefault = bindByDefault;
		this.shared = shared;
	}

	SocketType type() {
		return this.type;
	}

	boolean bindByDefault() {
		return this.bindByDefault;
	}

	/**
	 * Whether all bindings of a channel in one binder use one socket: a second socket could
	 * not bind the same endpoint, and a pair has only one connection to its peer.
	 */
	boolean shared() {
		return this.shared;
	}

	String threadTag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
