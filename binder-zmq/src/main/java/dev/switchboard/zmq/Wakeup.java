package dev.switchboard.zmq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.Pipe;
import java.nio.channels.SelectableChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;

/**
 * Wakes a socket's I/O thread out of its poll from any thread. A {@link Pipe} can be polled
 * next to ZeroMQ sockets and written from any thread, unlike an inproc socket; the flag
 * means only the first of many quick senders pays for a write while the thread sleeps.
 */
final class Wakeup implements AutoCloseable {

	private static final ByteBuffer SIGNAL = ByteBuffer.wrap(new byte[] { 1 }).asReadOnlyBuffer();

	private final Pipe pipe;

	private final AtomicBoolean signalled = new AtomicBoolean();

	private final ByteBuffer drain = ByteBuffer.allocate(64);

	private volatile @Nullable Thread pausing;

	Wakeup() {
		try {
			this.pipe = Pipe.open();
			this.pipe.source().configureBlocking(false);
			this.pipe.sink().configureBlocking(false);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open the wakeup pipe of a ZeroMQ I/O thread", ex);
		}
	}

	/**
	 * The channel the I/O thread polls.
	 * @return the readable end of the pipe
	 */
	SelectableChannel source() {
		return this.pipe.source();
	}

	/**
	 * Wake the I/O thread unless a wakeup is already pending. Any thread.
	 */
	void signal() {
		if (this.signalled.compareAndSet(false, true)) {
			write();
		}
		Thread pausing = this.pausing;
		if (pausing != null) {
			LockSupport.unpark(pausing);
		}
	}

	/**
	 * Sleep for up to {@code nanos} unless a wakeup is pending; a {@link #signal()} ends the
	 * sleep at once. I/O thread only, between {@link #rearm()} and the next one.
	 * @param nanos the longest sleep
	 */
	void pause(long nanos) {
		this.pausing = Thread.currentThread();
		try {
			if (!this.signalled.get()) {
				LockSupport.parkNanos(nanos);
			}
		}
		finally {
			this.pausing = null;
		}
	}

	/**
	 * Re-arm before the I/O thread looks at its queues: drain the pipe, then clear the flag,
	 * so a signal sent after this call is never lost. I/O thread only.
	 *
	 * <p>The other order lost wakeups: a signal that set the flag and wrote its byte between
	 * the clearing and the draining had its byte drained but left the flag set, so every
	 * later signal skipped its write and the thread slept through them until its poll timed
	 * out (up to 100 ms with a full queue of messages, which the pipeline benchmark hit once
	 * the I/O thread stopped spinning). A signal that comes during the drain finds the flag
	 * still set and writes nothing, but its message is already queued, and the thread looks
	 * at its queues next.
	 */
	void rearm() {
		try {
			while (this.pipe.source().read(this.drain.clear()) > 0) {
				// a wakeup only needs to have happened; its bytes carry nothing
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the wakeup pipe of a ZeroMQ I/O thread", ex);
		}
		this.signalled.set(false);
	}

	private void write() {
		try {
			this.pipe.sink().write(SIGNAL.duplicate());
		}
		catch (ClosedChannelException ex) {
			// the I/O thread has stopped; there is nothing left to wake
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the wakeup pipe of a ZeroMQ I/O thread", ex);
		}
	}

	@Override
	public void close() {
		try {
			this.pipe.sink().close();
			this.pipe.source().close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot close the wakeup pipe of a ZeroMQ I/O thread", ex);
		}
	}

}
