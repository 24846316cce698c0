package dev.switchboard.zmq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.switchboard.core.ChannelStatistics;

/**
 * Hands each message a shared socket receives to the next of the bindings attached to it,
 * so several listeners on one request-reply channel share the load. A message that arrives
 * with nobody attached is counted as dropped.
 */
final class RoundRobinReceiver implements Receiver {

	private static final Receiver[] NONE = {};

	private final ChannelStatistics statistics;

	/**
	 * The attached bindings, replaced whole on every change: the I/O thread reads it once
	 * per message, and copying a list there allocated on every message.
	 */
	private volatile Receiver[] receivers = NONE;

	private final AtomicInteger turn = new AtomicInteger();

	RoundRobinReceiver(ChannelStatistics statistics) {
		this.statistics = statistics;
	}

	synchronized void attach(Receiver receiver) {
		Receiver[] current = this.receivers;
		Receiver[] next = Arrays.copyOf(current, current.length + 1);
		next[current.length] = receiver;
		this.receivers = next;
	}

	synchronized void detach(Receiver receiver) {
		List<Receiver> remaining = new ArrayList<>(Arrays.asList(this.receivers));
		remaining.remove(receiver);
		this.receivers = remaining.toArray(NONE);
	}

	@Override
	public void receive(byte[][] frames, Outbox replies) {
		Receiver[] current = this.receivers;
		if (current.length == 0) {
			this.statistics.dropped();
			return;
		}
		current[Math.floorMod(this.turn.getAndIncrement(), current.length)].receive(frames, replies);
	}

}
