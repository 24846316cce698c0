package dev.switchboard.zmq;

import dev.switchboard.binder.DeadLetterException;
import dev.switchboard.binder.InboundHandler;
import dev.switchboard.core.ChannelStatistics;
import dev.switchboard.core.WireMessage;

import org.jspecify.annotations.Nullable;

/**
 * Delivers what a SUB, PULL or PAIR socket receives to a handler on the binding's workers;
 * on a pair, whatever the handler returns goes back to the peer. An envelope subscriber
 * counts the messages its publishers numbered but it never received as dropped. A message
 * the handler gives up on, and frames that do not parse, take the channel's
 * {@link DeadLetters dead-letter path}.
 */
final class DeliveryReceiver implements Receiver {

	private final InboundHandler handler;

	private final MessageCodec codec;

	private final WorkerPool workers;

	private final MalformedMessages malformed;

	private final DeadLetters deadLetters;

	private final ChannelStatistics statistics;

	private final boolean answersPeer;

	private final @Nullable SequenceGaps gaps;

	DeliveryReceiver(InboundHandler handler, MessageCodec codec, WorkerPool workers, MalformedMessages malformed,
			DeadLetters deadLetters, ChannelStatistics statistics, boolean answersPeer, boolean countsGaps) {
		this.handler = handler;
		this.codec = codec;
		this.workers = workers;
		this.malformed = malformed;
		this.deadLetters = deadLetters;
		this.statistics = statistics;
		this.answersPeer = answersPeer;
		this.gaps = countsGaps ? new SequenceGaps() : null;
	}

	@Override
	public void receive(byte[][] frames, Outbox replies) {
		countGaps(frames);
		if (!this.workers.submit(() -> deliver(frames, replies))) {
			this.statistics.dropped();
		}
	}

	/**
	 * On an envelope subscriber, count as dropped the messages a publisher numbered but this
	 * socket never received. Runs on the I/O thread, in the order messages arrived.
	 */
	private void countGaps(byte[][] frames) {
		if (this.gaps != null && frames.length == 3) {
			long missed = this.gaps.missedBefore(frames[0], frames[1]);
			if (missed > 0) {
				this.statistics.dropped(missed);
			}
		}
	}

	private void deliver(byte[][] frames, Outbox replies) {
		WireMessage message;
		try {
			message = this.codec.decode(frames, 0);
		}
		catch (MalformedMessageException ex) {
			this.malformed.report(ex);
			this.deadLetters.undecodable(frames, ex);
			return;
		}
		WireMessage answer;
		try {
			answer = this.handler.handle(message);
		}
		catch (DeadLetterException ex) {
			this.deadLetters.deliver(ex.getDeadLetter());
			return;
		}
		if (answer != null && this.answersPeer) {
			replies.reply(this.codec.encode(answer), this.statistics);
		}
	}

}
