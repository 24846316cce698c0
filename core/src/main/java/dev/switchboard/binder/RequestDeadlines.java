package dev.switchboard.binder;

import java.time.Duration;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The deadlines of one binding's waiting requests, in order, with one task on the shared
 * timer armed for the earliest. A task per request would wake the timer thread for every
 * request: each new task is the head of the timer's queue, since the one before it was
 * cancelled when its reply came. Here a request whose deadline is later than the armed one
 * arms nothing, so a caller sending one request after another with the same timeout wakes
 * the timer about once per timeout, not once per request.
 *
 * <p>A request never expires before its deadline, and at most {@link #GRANULARITY_NANOS}
 * after it (plus however late the timer thread runs): requests due within that much of each
 * other expire in one wake-up, which bounds the wake-ups when many requests time out at
 * once. Adding and removing take no lock: the deadlines are a skip list, and arming is a
 * compare-and-set that only ever moves the armed time earlier. A task may run with nothing
 * due (its request was answered, or an earlier deadline armed another task); it then arms
 * for what is left.
 */
final class RequestDeadlines {

	/**
	 * How much later than its deadline a request may expire.
	 */
	static final long GRANULARITY_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

	private static final long UNARMED = Long.MAX_VALUE;

	private final ConcurrentSkipListSet<PendingReply> waiting = new ConcurrentSkipListSet<>();

	/**
	 * The deadline a timer task is armed for, or {@link #UNARMED}.
	 */
	private final AtomicLong armed = new AtomicLong(UNARMED);

	private final ScheduledExecutorService timer;

	private final LongSupplier nanoClock;

	/**
	 * Deadlines count from here, so that they are never negative and compare with
	 * {@code <} (a {@link System#nanoTime()} value may be anything).
	 */
	private final long origin;

	private final Consumer<PendingReply> expiry;

	/**
	 * Create the deadlines of one binding.
	 * @param timer the timer to arm
	 * @param nanoClock {@link System#nanoTime()}, or a test's clock
	 * @param expiry what to do with a request whose deadline has passed
	 */
	RequestDeadlines(ScheduledExecutorService timer, LongSupplier nanoClock, Consumer<PendingReply> expiry) {
		this.timer = timer;
		this.nanoClock = nanoClock;
		this.origin = nanoClock.getAsLong();
		this.expiry = expiry;
	}

	/**
	 * The deadline of a request sent now.
	 * @param timeout its timeout
	 * @return the deadline, to give {@link PendingReply}
	 */
	long deadline(Duration timeout) {
		long now = now();
		long nanos = timeout.toNanos();
		return (nanos < UNARMED - now) ? now + nanos : UNARMED - 1;
	}

	/**
	 * Expire a request at its deadline unless it is removed before.
	 * @param request the request
	 * @throws RejectedExecutionException if the timer had to be armed and has been shut down
	 */
	void add(PendingReply request) {
		this.waiting.add(request);
		arm(request.deadline());
	}

	/**
	 * Forget a request that was answered or failed.
	 * @param request the request
	 */
	void remove(PendingReply request) {
		this.waiting.remove(request);
	}

	private long now() {
		return this.nanoClock.getAsLong() - this.origin;
	}

	/**
	 * Make sure a task runs at {@code deadline} or earlier.
	 */
	private void arm(long deadline) {
		long current;
		while (deadline < (current = this.armed.get())) {
			if (this.armed.compareAndSet(current, deadline)) {
				try {
					this.timer.schedule(this::expireDue, deadline - now(), TimeUnit.NANOSECONDS);
				}
				catch (RejectedExecutionException ex) {
					this.armed.compareAndSet(deadline, UNARMED);
					throw ex;
				}
				return;
			}
		}
	}

	/**
	 * Expire what is due, then arm for the earliest deadline left, no sooner than
	 * {@link #GRANULARITY_NANOS} from now. Disarming first means a request added meanwhile
	 * either arms the timer itself or is seen here.
	 */
	private void expireDue() {
		this.armed.set(UNARMED);
		long now = now();
		for (PendingReply request : this.waiting) {
			if (request.deadline() > now) {
				arm(Math.max(request.deadline(), now + GRANULARITY_NANOS));
				return;
			}
			if (this.waiting.remove(request)) {
				this.expiry.accept(request);
			}
		}
	}

}
