package dev.switchboard.amqp;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Supplier;

import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import dev.switchboard.BindingException;
import dev.switchboard.binder.InboundBinding;
import dev.switchboard.binder.InboundHandler;
import dev.switchboard.binder.InboundSpec;
import dev.switchboard.binder.OutboundBinding;
import dev.switchboard.core.ChannelSpec;

/**
 * Decides which side of each pair channel this binder plays. With an explicit side the peer
 * consumes its queue as one single-active consumer among possible standbys. With
 * {@link PairSide#AUTO} it claims a side with an exclusive consumer, {@code a} first and
 * then {@code b}; when both are held, the broker refuses the claim and so does the binder,
 * naming the channel: a third peer cannot disturb a running pair.
 */
final class PairSides {

	private final ConcurrentMap<String, PairSide> claimed = new ConcurrentHashMap<>();

	private final Supplier<Channel> probes;

	PairSides(Supplier<Channel> probes) {
		this.probes = probes;
	}

	/**
	 * The side a sender plays. A sender that binds before any listener on an automatic
	 * channel takes side {@code b} when a peer already consumes {@code a}, otherwise side
	 * {@code a}.
	 * @param channel the channel
	 * @param options its options
	 * @return the side
	 */
	PairSide sideForSending(ChannelSpec channel, AmqpChannelOptions options) {
		if (options.side() != PairSide.AUTO) {
			return options.side();
		}
		return this.claimed.computeIfAbsent(channel.name(), (name) -> probe(channel, options));
	}

	private PairSide probe(ChannelSpec channel, AmqpChannelOptions options) {
		Channel amqp = this.probes.get();
		try {
			PairQueues.declare(amqp, channel, options);
			boolean aTaken = amqp.consumerCount(PairQueues.ownQueue(channel, options, PairSide.A)) > 0;
			return aTaken ? PairSide.B : PairSide.A;
		}
		catch (IOException ex) {
			throw new BindingException("Channel '" + channel.name() + "': could not inspect the pair queues: "
					+ ex.getMessage(), ex);
		}
		finally {
			try {
				if (amqp.isOpen()) {
					amqp.close();
				}
			}
			catch (IOException | java.util.concurrent.TimeoutException | AlreadyClosedException ex) {
				// Only a probe; nothing depends on it.
			}
		}
	}

	/**
	 * Start a pair peer's listener on its side.
	 * @param channel the channel
	 * @param spec the listener's options (a pair peer consumes on one thread, in order)
	 * @param options the channel's options
	 * @param consumers opens consuming channels
	 * @param handler the handler
	 * @param senders creates the sender to the other side, for what the handler returns
	 * @return the running peer
	 */
	InboundBinding startPeer(ChannelSpec channel, InboundSpec spec, AmqpChannelOptions options,
			Supplier<Channel> consumers, InboundHandler handler, Function<PairSide, OutboundBinding> senders) {
		if (options.side() != PairSide.AUTO) {
			return start(channel, options, options.side(), false, consumers, handler, senders);
		}
		PairSide recorded = this.claimed.get(channel.name());
		if (recorded != null) {
			return start(channel, options, recorded, true, consumers, handler, senders);
		}
		try {
			return claim(channel, options, PairSide.A, consumers, handler, senders);
		}
		catch (BindingException ex) {
			if (!isRefused(ex)) {
				throw ex;
			}
		}
		try {
			return claim(channel, options, PairSide.B, consumers, handler, senders);
		}
		catch (BindingException ex) {
			if (isRefused(ex)) {
				throw new BindingException("Channel '" + channel.name() + "' already has two peers (queues '"
						+ PairQueues.ownQueue(channel, options, PairSide.A) + "' and '"
						+ PairQueues.ownQueue(channel, options, PairSide.B) + "' each have an exclusive consumer):"
						+ " a pair has exactly two; stop one of them, or set switchboard.channels." + channel.name()
						+ ".amqp.side to a or b to run this instance as a standby", ex);
			}
			throw ex;
		}
	}

	private InboundBinding claim(ChannelSpec channel, AmqpChannelOptions options, PairSide side,
			Supplier<Channel> consumers, InboundHandler handler, Function<PairSide, OutboundBinding> senders) {
		InboundBinding peer = start(channel, options, side, true, consumers, handler, senders);
		this.claimed.put(channel.name(), side);
		return peer;
	}

	private InboundBinding start(ChannelSpec channel, AmqpChannelOptions options, PairSide side, boolean exclusive,
			Supplier<Channel> consumers, InboundHandler handler, Function<PairSide, OutboundBinding> senders) {
		String queue = PairQueues.ownQueue(channel, options, side);
		ConsumerSettings settings = new ConsumerSettings((amqp) -> {
			PairQueues.declare(amqp, channel, options);
			return queue;
		}, 1, options.prefetch(), exclusive, false);
		OutboundBinding sender = senders.apply(side);
		try {
			AmqpInboundBinding listener = AmqpInboundBinding.start(channel, settings, consumers, handler,
					(request, reply) -> sender.send(reply));
			return new PairPeerBinding(listener, sender);
		}
		catch (RuntimeException ex) {
			sender.close();
			throw ex;
		}
	}

	private static boolean isRefused(BindingException ex) {
		int code = BrokerFailures.replyCode(BrokerFailures.shutdownSignal(ex));
		return code == BrokerFailures.ACCESS_REFUSED || code == BrokerFailures.RESOURCE_LOCKED;
	}

	/**
	 * A pair peer: its listener and the sender its listener answers through.
	 */
	private record PairPeerBinding(AmqpInboundBinding listener, OutboundBinding sender) implements InboundBinding {

		@Override
		public ChannelSpec channel() {
			return this.listener.channel();
		}

		@Override
		public void close() {
			this.listener.close();
			this.sender.close();
		}

	}

}
