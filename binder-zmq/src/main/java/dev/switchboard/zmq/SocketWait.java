package dev.switchboard.zmq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

import org.jspecify.annotations.Nullable;
import org.zeromq.ZMQException;
import zmq.ZError;

/**
 * Puts a socket's I/O thread to sleep until its socket, its monitor or its {@link Wakeup}
 * may have something, without spinning.
 *
 * <p>A JeroMQ socket's pollable handle is the pipe its mailbox is signalled through, and
 * JeroMQ 0.6.0 writes the signal byte before it counts it, while a non-blocking read of the
 * socket's events only consumes bytes already counted. Until the signalling thread (JeroMQ's
 * I/O thread) gets to count it, the handle stays readable with nothing to read, so a poll
 * returns at once, again and again; on a busy 2-core machine the polling thread then holds
 * the CPU the signalling thread needs, and the spin lasts for milliseconds. JeroMQ's own
 * {@code ZMQ.poll} spins the same way inside, and registered a wakeup pipe whose stale
 * readiness made every such wake-up look real. Here the handles sit in a plain NIO
 * {@link Selector} (the loop reads the socket's event flags itself and uses the selector only
 * to sleep), and a wake-up after which there is still nothing to do is followed by a pause
 * of {@value #PAUSE_NANOS} ns, which a {@link Wakeup#signal()} from a sender cuts short, so
 * that the signalling thread can run.
 */
final class SocketWait implements AutoCloseable {

	/**
	 * How long to let other threads run after a wake-up that brought nothing. Linux rounds
	 * a sleep this short up to the thread's timer slack (50 µs by default) anyway.
	 */
	static final long PAUSE_NANOS = 50_000;

	private final Selector selector;

	private final Wakeup wakeup;

	/**
	 * Watch a socket, its monitor and a wakeup pipe. I/O thread only.
	 * @param socket the open socket and its monitor
	 * @param wakeup the wakeup that senders signal
	 */
	SocketWait(OpenSocket socket, Wakeup wakeup) {
		this.wakeup = wakeup;
		try {
			this.selector = Selector.open();
			register(handle(socket.socket().getFD()));
			register(handle(socket.monitor().getFD()));
			register(wakeup.source());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot watch a ZeroMQ socket", ex);
		}
	}

	/**
	 * A socket's pollable handle. JeroMQ gives none once its context is closed, which an
	 * application that shuts down while a socket's thread starts can bring about.
	 */
	private static SelectableChannel handle(@Nullable SelectableChannel channel) {
		if (channel == null) {
			throw new ZMQException("the ZeroMQ context was closed", ZError.ETERM);
		}
		return channel;
	}

	private void register(SelectableChannel channel) throws IOException {
		channel.register(this.selector, SelectionKey.OP_READ);
	}

	/**
	 * Sleep until a handle may have something, or for at most {@code timeoutMillis}.
	 * @param timeoutMillis the longest sleep, at least 1
	 */
	void await(long timeoutMillis) {
		try {
			this.selector.select(timeoutMillis);
			this.selector.selectedKeys().clear();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot wait for a ZeroMQ socket", ex);
		}
	}

	/**
	 * Let other threads run briefly after a wake-up that brought nothing to do.
	 */
	void pause() {
		this.wakeup.pause(PAUSE_NANOS);
	}

	@Override
	public void close() {
		try {
			this.selector.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot close the selector of a ZeroMQ socket", ex);
		}
	}

}
