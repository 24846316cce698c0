package dev.switchboard.amqp;

import com.rabbitmq.client.Channel;
import dev.switchboard.core.ChannelSpec;

/**
 * The two queues of a pair channel: {@code <channel>.a} holds what side {@code a} receives,
 * {@code <channel>.b} what side {@code b} receives. Both carry
 * {@code x-single-active-consumer}, so however many processes consume a side, one at a time
 * receives; both sides declare both queues, so nothing sent before the other peer starts is
 * lost.
 */
final class PairQueues {

	private PairQueues() {
	}

	static void declare(Channel amqp, ChannelSpec channel, AmqpChannelOptions options) {
		DeadLetterQueues.declare(amqp, channel, options);
		for (PairSide side : new PairSide[] { PairSide.A, PairSide.B }) {
			AmqpTopology.declareQueue(amqp, channel.name(), ownQueue(channel, options, side), options.durable(),
					DeadLetterQueues.arguments(channel, options, AmqpTopology.SINGLE_ACTIVE_CONSUMER));
		}
	}

	/**
	 * The queue a side consumes.
	 */
	static String ownQueue(ChannelSpec channel, AmqpChannelOptions options, PairSide side) {
		return AmqpNames.queue(channel, options) + ((side == PairSide.B) ? ".b" : ".a");
	}

	/**
	 * The queue a side sends to: the other side's.
	 */
	static String peerQueue(ChannelSpec channel, AmqpChannelOptions options, PairSide side) {
		return ownQueue(channel, options, (side == PairSide.B) ? PairSide.A : PairSide.B);
	}

}
