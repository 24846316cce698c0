package dev.switchboard.zmq;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.switchboard.core.ChannelStatistics;

/**
 * Hands each message a shared socket receives to the next of the bindings attached to it,
 * so several listeners on one request-reply channel share the load. A message that arrives
 * with nobody attached is counted as dropped.
 */
final class RoundRobinReceiver implements Receiver {

	private final ChannelStatistics statistics;

	private final List<Receiver> receivers = new CopyOnWriteArrayList<>();

	private final AtomicInteger turn = new AtomicInteger();

	RoundRobinReceiver(ChannelStatistics statistics) {
		this.statistics = statistics;
	}

	void attach(Receiver receiver) {
		this.receivers.add(receiver);
	}

	void detach(Receiver receiver) {
		this.receivers.remove(receiver);
	}

	@Override
	public void receive(byte[][] frames, Outbox replies) {
		Object[] current = this.receivers.toArray();
		if (current.length == 0) {
			this.statistics.dropped();
			return;
		}
		((Receiver) current[Math.floorMod(this.turn.getAndIncrement(), current.length)]).receive(frames, replies);
	}

}
