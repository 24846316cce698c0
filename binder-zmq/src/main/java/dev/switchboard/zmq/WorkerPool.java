package dev.switchboard.zmq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.switchboard.core.ChannelStatistics;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The threads that run one listener binding's handler, {@code concurrency} of them, fed by
 * the socket's I/O thread through a bounded queue. When the queue is full the I/O thread
 * waits, stops reading, and ZeroMQ's receive high-water mark pushes back on the peers.
 * Workers own no socket, so nothing here touches ZeroMQ. Closing is graceful: queued
 * messages are dropped (and counted), messages in progress finish within a timeout.
 */
final class WorkerPool {

	private static final Log logger = LogFactory.getLog(WorkerPool.class);

	private static final Runnable STOP = () -> {
	};

	private static final long OFFER_SLICE_MILLIS = 100;

	private final String channel;

	private final ChannelStatistics statistics;

	private final BlockingQueue<Runnable> tasks;

	private final List<Thread> threads;

	private volatile boolean open = true;

	private volatile boolean paused;

	WorkerPool(String channel, ChannelStatistics statistics, String threadPrefix, int concurrency, int capacity) {
		this.channel = channel;
		this.statistics = statistics;
		this.tasks = new ArrayBlockingQueue<>(Math.max(capacity, concurrency));
		this.threads = new ArrayList<>(concurrency);
		for (int i = 1; i <= concurrency; i++) {
			Thread thread = new Thread(this::work, threadPrefix + i);
			thread.setDaemon(true);
			this.threads.add(thread);
			thread.start();
		}
	}

	/**
	 * Hand a task to the workers, waiting while the queue is full.
	 * @param task the task
	 * @return {@code false} if the pool closed first
	 */
	boolean submit(Runnable task) {
		try {
			while (this.open) {
				if (this.tasks.offer(task, OFFER_SLICE_MILLIS, TimeUnit.MILLISECONDS)) {
					return true;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return false;
	}

	/**
	 * Stop running tasks: a task in progress finishes, the others wait in the queue, and
	 * once it is full {@link #submit(Runnable)} waits too, so the I/O thread stops reading.
	 */
	void pause() {
		this.paused = true;
	}

	/**
	 * Run tasks again after {@link #pause()}.
	 */
	synchronized void resume() {
		this.paused = false;
		notifyAll();
	}

	boolean isPaused() {
		return this.paused;
	}

	/**
	 * Stop the workers without waiting: tasks still queued are dropped and counted as
	 * dropped, a task in progress runs to its end. Idempotent.
	 */
	void stop() {
		if (!this.open) {
			return;
		}
		this.open = false;
		synchronized (this) {
			notifyAll();
		}
		for (int stopped = 0; stopped < this.threads.size();) {
			drop();
			while (stopped < this.threads.size() && this.tasks.offer(STOP)) {
				stopped++;
			}
		}
	}

	/**
	 * Stop the workers and wait until the tasks in progress are done, at most
	 * {@code timeout} in all. A worker still busy then is left to finish on its own; what it
	 * sends afterwards finds its socket closed and is counted as dropped.
	 * @param timeout how long to wait for the tasks in progress
	 * @return {@code true} if every worker finished in time
	 */
	boolean close(Duration timeout) {
		stop();
		long deadline = System.nanoTime() + timeout.toNanos();
		boolean finished = true;
		for (Thread thread : this.threads) {
			if (thread != Thread.currentThread()) {
				finished &= join(thread, deadline);
			}
		}
		if (!finished) {
			logger.warn("Channel '" + this.channel + "': a listener was still handling a message "
					+ timeout.toMillis() + " ms after the channel began to close; what it sends now is dropped. "
					+ "Raise switchboard.zmq.shutdown-timeout to wait longer");
		}
		return finished;
	}

	private void drop() {
		for (Runnable task = this.tasks.poll(); task != null; task = this.tasks.poll()) {
			if (task != STOP) {
				this.statistics.dropped();
			}
		}
	}

	private void work() {
		try {
			for (Runnable task = this.tasks.take(); task != STOP; task = this.tasks.take()) {
				if (awaitResumed()) {
					run(task);
				}
				else {
					this.statistics.dropped();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Hold a taken task while the pool is paused.
	 * @return {@code false} if the pool closed meanwhile, so the task is dropped
	 */
	private synchronized boolean awaitResumed() throws InterruptedException {
		while (this.paused && this.open) {
			wait(OFFER_SLICE_MILLIS);
		}
		return this.open;
	}

	private void run(Runnable task) {
		try {
			task.run();
		}
		catch (RuntimeException | Error ex) {
			logger.error("Channel '" + this.channel + "': a ZeroMQ worker task failed", ex);
		}
	}

	private static boolean join(Thread thread, long deadline) {
		try {
			long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
			if (remaining > 0) {
				thread.join(remaining);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return !thread.isAlive();
	}

}
