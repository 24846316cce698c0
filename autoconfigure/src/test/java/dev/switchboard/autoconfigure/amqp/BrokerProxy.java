package dev.switchboard.autoconfigure.amqp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay in front of the local RabbitMQ, so a test can take "the broker" away from
 * one application — and give it back — without disturbing anyone else using the broker.
 */
final class BrokerProxy implements AutoCloseable {

	private static final int BROKER_PORT = 5672;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private int port;

	private volatile ServerSocket server;

	/**
	 * Start relaying, on the same port as before if it ran already.
	 * @return this proxy
	 */
	BrokerProxy start() {
		try {
			this.server = new ServerSocket(this.port, 50, InetAddress.getLoopbackAddress());
			this.port = this.server.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ServerSocket listening = this.server;
		thread("broker-proxy-accept", () -> accept(listening));
		return this;
	}

	int port() {
		return this.port;
	}

	/**
	 * Drop every connection and stop accepting new ones, as a broker that went away would.
	 */
	void stop() {
		closeQuietly(this.server);
		this.sockets.forEach(BrokerProxy::closeQuietly);
		this.sockets.clear();
	}

	@Override
	public void close() {
		stop();
	}

	private void accept(ServerSocket listening) {
		while (!listening.isClosed()) {
			try {
				Socket client = listening.accept();
				Socket broker = new Socket(InetAddress.getLoopbackAddress(), BROKER_PORT);
				this.sockets.add(client);
				this.sockets.add(broker);
				thread("broker-proxy-up", () -> pump(client, broker));
				thread("broker-proxy-down", () -> pump(broker, client));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private static void pump(Socket from, Socket to) {
		byte[] buffer = new byte[16384];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException ex) {
			// one side went away; close both below
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
		}
	}

	private static void thread(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			if (closeable != null) {
				closeable.close();
			}
		}
		catch (Exception ex) {
			// closing anyway
		}
	}

}
