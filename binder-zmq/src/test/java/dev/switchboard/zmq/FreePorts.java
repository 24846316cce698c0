package dev.switchboard.zmq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Free TCP endpoints on the loopback interface, so tests running side by side on one
 * machine never collide on a fixed port.
 */
final class FreePorts {

	private FreePorts() {
	}

	static String endpoint() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return "tcp://127.0.0.1:" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
