package dev.switchboard.binder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A timer and a clock that move only when a test says so: {@link #schedule} records the task
 * with its due time, {@link #advanceTo} runs what has come due, in due order. Tells how
 * often the code under test armed it.
 */
final class ManualTimer extends ScheduledThreadPoolExecutor implements LongSupplier {

	private final List<Task> tasks = new ArrayList<>();

	private long now;

	private int scheduled;

	ManualTimer() {
		super(1);
	}

	@Override
	public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
		if (isShutdown()) {
			return super.schedule(command, delay, unit);
		}
		this.tasks.add(new Task(this.now + Math.max(0, unit.toNanos(delay)), command));
		this.scheduled++;
		return null;
	}

	@Override
	public long getAsLong() {
		return this.now;
	}

	/**
	 * Move the clock, running every task due by then at its own due time.
	 * @param nanos the new time
	 */
	void advanceTo(long nanos) {
		Task next;
		while ((next = this.tasks.stream().filter((task) -> task.due() <= nanos)
			.min(Comparator.comparingLong(Task::due))
			.orElse(null)) != null) {
			this.tasks.remove(next);
			this.now = Math.max(this.now, next.due());
			next.command().run();
		}
		this.now = nanos;
	}

	void advanceBy(long nanos) {
		advanceTo(this.now + nanos);
	}

	/**
	 * How many tasks were scheduled so far: how often the timer thread would have been woken to re-arm.
	 * @return the count
	 */
	int scheduled() {
		return this.scheduled;
	}

	/**
	 * When the earliest task waiting is due.
	 * @return its due time, or {@code -1} when none waits
	 */
	long nextDue() {
		return this.tasks.stream().mapToLong(Task::due).min().orElse(-1);
	}

	private record Task(long due, Runnable command) {
	}

}
