package dev.switchboard.zmq;

import dev.switchboard.binder.InboundHandler;
import dev.switchboard.core.ChannelStatistics;
import dev.switchboard.core.WireMessage;

/**
 * Delivers what a SUB, PULL or PAIR socket receives to a handler on the binding's workers;
 * on a pair, whatever the handler returns goes back to the peer.
 */
final class DeliveryReceiver implements Receiver {

	private final InboundHandler handler;

	private final MessageCodec codec;

	private final WorkerPool workers;

	private final MalformedMessages malformed;

	private final ChannelStatistics statistics;

	private final boolean answersPeer;

	DeliveryReceiver(InboundHandler handler, MessageCodec codec, WorkerPool workers, MalformedMessages malformed,
			ChannelStatistics statistics, boolean answersPeer) {
		this.handler = handler;
		this.codec = codec;
		this.workers = workers;
		this.malformed = malformed;
		this.statistics = statistics;
		this.answersPeer = answersPeer;
	}

	@Override
	public void receive(byte[][] frames, Outbox replies) {
		if (!this.workers.submit(() -> deliver(frames, replies))) {
			this.statistics.dropped();
		}
	}

	private void deliver(byte[][] frames, Outbox replies) {
		WireMessage message;
		try {
			message = this.codec.decode(frames, 0);
		}
		catch (MalformedMessageException ex) {
			this.malformed.report(ex);
			return;
		}
		WireMessage answer = this.handler.handle(message);
		if (answer != null && this.answersPeer) {
			replies.reply(this.codec.encode(answer), this.statistics);
		}
	}

}
