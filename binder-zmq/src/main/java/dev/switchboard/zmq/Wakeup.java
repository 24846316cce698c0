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
 * next to ZeroMQ sockets and written from any thread, unlike an inproc socket. Only a thread
 * that is about to sleep, or sleeping, needs waking: the I/O thread says so with
 * {@link #sleeping()} before its last look at its queues, and a sender that finds it so
 * writes the pipe (the first of many quick senders only). While the thread is busy a
 * signal costs a volatile read: before, the thread drained the pipe on every turn of its
 * loop and a sender wrote it again after each drain, two system calls per turn while a
 * busy pipeline had a message or two per turn.
 */
final class Wakeup implements AutoCloseable {

	private static final ByteBuffer SIGNAL = ByteBuffer.wrap(new byte[] { 1 }).asReadOnlyBuffer();

	private final Pipe pipe;

	private final AtomicBoolean signalled = new AtomicBoolean();

	private final ByteBuffer drain = ByteBuffer.allocate(64);

	private volatile boolean sleeping;

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
	 * Wake the I/O thread if it sleeps or is about to, unless a wakeup is already pending.
	 * Any thread, after it queued what the I/O thread should see.
	 */
	void signal() {
		if (!this.sleeping) {
			return;
		}
		if (this.signalled.compareAndSet(false, true)) {
			write();
		}
		Thread pausing = this.pausing;
		if (pausing != null) {
			LockSupport.unpark(pausing);
		}
	}

	/**
	 * Announce a sleep. The I/O thread must look at its queues (and whatever else a signal
	 * stands for) after this call and sleep only if they are empty: a sender queues first
	 * and reads this flag after, the I/O thread writes the flag first and reads the queues
	 * after, so at least one of them sees the other and no wakeup is lost. I/O thread only.
	 */
	void sleeping() {
		this.sleeping = true;
	}

	/**
	 * End a sleep (or the decision not to sleep) that {@link #sleeping()} began: clear the
	 * flag, then drain the pipe if a signal wrote to it. A signal that read the flag before
	 * it was cleared may still write its byte afterwards; that costs the next sleep one
	 * early return, never a lost wakeup. I/O thread only.
	 */
	void awake() {
		this.sleeping = false;
		if (!this.signalled.get()) {
			return;
		}
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

	/**
	 * Sleep for up to {@code nanos} unless a wakeup is pending; a {@link #signal()} ends the
	 * sleep at once. I/O thread only, between {@link #sleeping()} and {@link #awake()}.
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
