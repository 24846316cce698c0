package dev.switchboard.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import dev.switchboard.core.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Drives one subject the same way whatever it is: {@code senders} threads send for the
 * warm-up time, the driver waits until the receiving side has what was sent, and sizes the
 * measured window from the rate of the warm-up's second half (the first includes the JIT's
 * compiling) so that it lasts about the scenario's window time. Then the window opens and
 * the threads send their share of its messages. The window closes when the last expected
 * message is received; throughput counts only messages received.
 *
 * <p>Pub-sub is measured under overload: a publisher outpaces its subscriber and the PUB
 * drops what the subscriber cannot take, so a count sized from the subscriber's warm-up
 * rate was sent in a fraction of the window time and measured a burst. A publisher
 * therefore sends for the window time instead, and the window closes once the subscriber
 * has received all of it or none has arrived for a while.
 *
 * <p>The warm-up sends through the very loop the window sends through, recording latencies
 * into a scratch array, in short batches: a warm-up that called a different loop (one
 * message per call, no latencies) left the window's loop to be compiled, and the warm-up's
 * compiled code to be thrown away, during the window's first few hundred milliseconds.
 */
final class LoadDriver {

	/** How long pub-sub may go without a delivery before the run counts what it has. */
	private static final Duration PUB_SUB_QUIET = Duration.ofSeconds(1);

	/** How long any other pattern may go without a delivery before the run fails. */
	private static final Duration STALL = Duration.ofSeconds(20);

	/**
	 * Messages per call of the send loop during the warm-up: short enough to stop close to the
	 * warm-up's end even at AMQP's rates, long enough that the loop is compiled as a loop.
	 */
	private static final int WARMUP_BATCH = 64;

	private final Scenario scenario;

	private final Probe probe;

	private final byte[] payload;

	LoadDriver(Scenario scenario, Probe probe) {
		this.scenario = scenario;
		this.probe = probe;
		this.payload = new byte[scenario.payloadBytes()];
		ThreadLocalRandom.current().nextBytes(this.payload);
	}

	Result run(Subject.Running subject) throws Exception {
		int senders = this.scenario.senders();
		CyclicBarrier phase = new CyclicBarrier(senders + 1);
		AtomicReference<@Nullable Exception> failure = new AtomicReference<>();
		long[] warmedUp = new long[senders];
		long[] sentInWindow = new long[senders];
		long[][] latencies = new long[senders][];
		Thread[] threads = new Thread[senders];
		for (int i = 0; i < senders; i++) {
			threads[i] = senderThread(subject, i, phase, warmedUp, sentInWindow, latencies, failure);
			threads[i].start();
		}
		try {
			awaitPhase(phase, failure);
			long warmupStart = System.nanoTime();
			Thread.sleep(this.scenario.warmupMillis() / 2);
			long halfwayCount = this.probe.count();
			long halfwayNanos = System.nanoTime();
			awaitPhase(phase, failure);
			awaitDelivery(Arrays.stream(warmedUp).sum(), "warm-up");
			if (publishes()) {
				Arrays.setAll(latencies, (i) -> new long[WARMUP_BATCH]);
			}
			else {
				int messages = windowMessages(warmupRate(warmupStart, halfwayCount, halfwayNanos));
				Arrays.setAll(latencies, (i) -> new long[share(messages, i)]);
			}
			this.probe.reset();
			AllocationMeter allocation = AllocationMeter.start();
			long start = System.nanoTime();
			awaitPhase(phase, failure);
			awaitPhase(phase, failure);
			awaitDelivery(Arrays.stream(sentInWindow).sum(), "measured window");
			long allocated = allocation.allocatedSinceStart();
			awaitPhase(phase, failure);
			return result(start, allocated, latencies);
		}
		finally {
			phase.reset();
			for (Thread thread : threads) {
				thread.join(10_000);
			}
		}
	}

	/**
	 * Messages per second received in the warm-up's second half, or over the whole warm-up if
	 * none came in the second half (a subscriber that joined late).
	 */
	private double warmupRate(long warmupStart, long halfwayCount, long halfwayNanos) {
		long count = this.probe.count();
		long last = this.probe.lastNanos();
		if (count > halfwayCount && last > halfwayNanos) {
			return (count - halfwayCount) / ((last - halfwayNanos) / 1e9);
		}
		return count / ((last - warmupStart) / 1e9);
	}

	private int windowMessages(double warmupRate) {
		double messages = warmupRate * this.scenario.windowMillis() / 1000.0;
		return (int) Math.max(this.scenario.senders(), Math.min(Integer.MAX_VALUE / 2, messages));
	}

	private Thread senderThread(Subject.Running subject, int index, CyclicBarrier phase, long[] warmedUp,
			long[] sentInWindow, long[][] latencies, AtomicReference<@Nullable Exception> failure) {
		Thread thread = new Thread(() -> {
			try (Subject.Sender sender = subject.newSender()) {
				phase.await();
				warmedUp[index] = warmUp(sender, new long[WARMUP_BATCH]);
				phase.await();
				phase.await();
				sentInWindow[index] = window(sender, latencies[index]);
				phase.await();
				// Closing drops what a socket still queues: keep it open until all arrived.
				phase.await();
			}
			catch (Exception ex) {
				failure.compareAndSet(null, ex);
				phase.reset();
			}
		}, "bench-sender-" + index);
		thread.setDaemon(true);
		return thread;
	}

	/**
	 * Send for the warm-up time, and on until the receiving side has had a first message, or
	 * for at most {@link #STALL}: a connecting subscriber or worker may take a while to reach
	 * its peer, and what a publisher sends before that is lost.
	 */
	private long warmUp(Subject.Sender sender, long[] scratch) throws Exception {
		long start = System.nanoTime();
		long deadline = start + this.scenario.warmupMillis() * 1_000_000L;
		long sent = 0;
		long now = start;
		while (now < deadline || (this.probe.count() == 0 && now - start < STALL.toNanos())) {
			send(sender, scratch);
			sent += scratch.length;
			now = System.nanoTime();
		}
		return sent;
	}

	/**
	 * Send the window's messages: a publisher for the window time, in batches of
	 * {@code latencies.length}, every other sender {@code latencies.length} messages.
	 * @return how many messages were sent
	 */
	private long window(Subject.Sender sender, long[] latencies) throws Exception {
		if (!publishes()) {
			send(sender, latencies);
			return latencies.length;
		}
		long deadline = System.nanoTime() + this.scenario.windowMillis() * 1_000_000L;
		long sent = 0;
		do {
			send(sender, latencies);
			sent += latencies.length;
		}
		while (System.nanoTime() < deadline);
		return sent;
	}

	private boolean publishes() {
		return this.scenario.pattern() == Pattern.PUB_SUB;
	}

	/**
	 * Send {@code latencies.length} messages, recording how long each send (or call) took.
	 */
	private void send(Subject.Sender sender, long[] latencies) throws Exception {
		boolean roundTrip = this.scenario.roundTrip();
		for (int i = 0; i < latencies.length; i++) {
			long start = System.nanoTime();
			sender.send(this.payload);
			if (roundTrip) {
				this.probe.received();
			}
			latencies[i] = System.nanoTime() - start;
		}
	}

	private int share(int total, int index) {
		int senders = this.scenario.senders();
		return total / senders + ((index < total % senders) ? 1 : 0);
	}

	private static void awaitPhase(CyclicBarrier phase, AtomicReference<@Nullable Exception> failure)
			throws Exception {
		try {
			phase.await();
		}
		catch (BrokenBarrierException ex) {
			Exception cause = failure.get();
			throw (cause != null) ? cause : ex;
		}
	}

	private void awaitDelivery(long expected, String what) {
		boolean pubSub = publishes();
		boolean complete = this.probe.await(expected, pubSub ? PUB_SUB_QUIET : STALL);
		if (!complete && (!pubSub || this.probe.count() == 0)) {
			throw new IllegalStateException(this.scenario + ": the " + what + " received only "
					+ this.probe.count() + " of " + expected + " messages");
		}
	}

	private Result result(long start, long allocated, long[][] latencies) {
		long received = this.probe.count();
		double seconds = (this.probe.lastNanos() - start) / 1e9;
		long perSecond = Math.round(received / seconds);
		long perMessage = Math.round((double) allocated / received);
		Double p50 = null;
		Double p99 = null;
		if (this.scenario.roundTrip()) {
			long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
			p50 = micros(all, 0.50);
			p99 = micros(all, 0.99);
		}
		return new Result(this.scenario.transport(), this.scenario.pattern(), this.scenario.subject(),
				this.scenario.payloadBytes(), this.scenario.senders(), perSecond, p50, p99, perMessage);
	}

	private static double micros(long[] sortedNanos, double quantile) {
		int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(quantile * sortedNanos.length) - 1);
		return sortedNanos[Math.max(0, index)] / 1000.0;
	}

}
