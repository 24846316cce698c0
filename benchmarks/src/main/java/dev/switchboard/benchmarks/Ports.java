package dev.switchboard.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Free tcp ports on loopback, so that a binding side and a connecting side (which may be set
 * up in either order) agree on an endpoint before either exists.
 */
public final class Ports {

	private Ports() {
	}

	/**
	 * A {@code tcp://127.0.0.1:<port>} endpoint whose port was free a moment ago.
	 * @return the endpoint
	 */
	public static String freeLoopbackEndpoint() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return "tcp://127.0.0.1:" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
