package dev.switchboard.amqp;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
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

import org.jspecify.annotations.Nullable;

/**
 * Decides which side of each pair channel this binder plays. With an explicit side the peer
 * consumes its queue as one single-active consumer among possible standbys. With
 * {@link PairSide#AUTO} it claims a side by declaring the side's lock queue
 * ({@code <channel>.a.lock}, then {@code <channel>.b.lock}) as exclusive to its consuming
 * connection; the broker grants each lock to one connection only and releases it when that
 * connection ends, so when both are held the claim fails and the binder refuses the peer,
 * naming the channel: a third peer cannot disturb a running pair. (RabbitMQ does not allow
 * exclusive consumers on single-active-consumer queues, hence the separate lock.)
 */
final class PairSides {

	private final ConcurrentMap<String, PairSide> claimed = new ConcurrentHashMap<>();

	private final Supplier<Channel> probes;

	private final ScheduledExecutorService timer;

	PairSides(Supplier<Channel> probes, ScheduledExecutorService timer) {
		this.probes = probes;
		this.timer = timer;
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
			amqp.queueDeclarePassive(lockQueue(channel, options, PairSide.A));
			return PairSide.B;
		}
		catch (IOException ex) {
			int code = BrokerFailures.replyCode(BrokerFailures.shutdownSignal(ex));
			if (code == BrokerFailures.RESOURCE_LOCKED) {
				return PairSide.B;
			}
			if (code == BrokerFailures.NOT_FOUND) {
				return PairSide.A;
			}
			throw new BindingException("Channel '" + channel.name() + "': could not inspect the pair's lock queues: "
					+ BrokerFailures.reason(ex), ex);
		}
		finally {
			AmqpInboundBinding.closeQuietly(amqp);
		}
	}

	/**
	 * Start a pair peer's listener on its side.
	 * @param channel the channel
	 * @param spec the listener's options (a pair peer consumes on one thread, in order)
	 * @param options the channel's options
	 * @param consumers opens consuming channels
	 * @param handler the handler
	 * @param deadLetters publishes what the handler gives up on, or {@code null}
	 * @param senders creates the sender to the other side, for what the handler returns
	 * @return the running peer
	 */
	InboundBinding startPeer(ChannelSpec channel, InboundSpec spec, AmqpChannelOptions options,
			Supplier<Channel> consumers, InboundHandler handler, @Nullable DeadLetterPublisher deadLetters,
			Function<PairSide, OutboundBinding> senders) {
		Peer peer = new Peer(consumers, handler, deadLetters, senders);
		if (options.side() != PairSide.AUTO) {
			return start(channel, options, options.side(), peer, () -> {
			});
		}
		PairSide recorded = this.claimed.get(channel.name());
		if (recorded != null) {
			return claim(channel, options, recorded, peer);
		}
		try {
			return claim(channel, options, PairSide.A, peer);
		}
		catch (BindingException ex) {
			if (!isRefused(ex)) {
				throw ex;
			}
		}
		try {
			return claim(channel, options, PairSide.B, peer);
		}
		catch (BindingException ex) {
			if (isRefused(ex)) {
				throw new BindingException("Channel '" + channel.name() + "' already has two peers (lock queues '"
						+ lockQueue(channel, options, PairSide.A) + "' and '" + lockQueue(channel, options, PairSide.B)
						+ "' are held by other connections):"
						+ " a pair has exactly two; stop one of them, or set switchboard.channels." + channel.name()
						+ ".amqp.side to a or b to run this instance as a standby", ex);
			}
			throw ex;
		}
	}

	private InboundBinding claim(ChannelSpec channel, AmqpChannelOptions options, PairSide side, Peer peer) {
		String lock = lockQueue(channel, options, side);
		Channel locking = peer.consumers().get();
		try {
			locking.queueDeclare(lock, false, true, false, null);
		}
		catch (IOException ex) {
			AmqpInboundBinding.closeQuietly(locking);
			throw new BindingException("Channel '" + channel.name() + "': could not claim pair side "
					+ side.name().toLowerCase(java.util.Locale.ROOT) + " (lock queue '" + lock + "')", ex);
		}
		try {
			InboundBinding started = start(channel, options, side, peer, () -> release(locking, lock));
			this.claimed.put(channel.name(), side);
			return started;
		}
		catch (RuntimeException ex) {
			release(locking, lock);
			throw ex;
		}
	}

	private static void release(Channel locking, String lock) {
		try {
			if (locking.isOpen()) {
				locking.queueDelete(lock);
			}
		}
		catch (IOException | AlreadyClosedException ex) {
			// The lock goes with the connection anyway.
		}
		AmqpInboundBinding.closeQuietly(locking);
	}

	private InboundBinding start(ChannelSpec channel, AmqpChannelOptions options, PairSide side, Peer peer,
			Runnable release) {
		String queue = PairQueues.ownQueue(channel, options, side);
		ConsumerSettings settings = new ConsumerSettings((amqp) -> {
			PairQueues.declare(amqp, channel, options);
			return queue;
		}, 1, options.prefetch(), false, peer.deadLetters());
		OutboundBinding sender = peer.senders().apply(side);
		try {
			AmqpInboundBinding listener = AmqpInboundBinding.start(channel, settings, peer.consumers(), peer.handler(),
					(request, reply) -> sender.send(reply), this.timer);
			return new PairPeerBinding(listener, sender, release);
		}
		catch (RuntimeException ex) {
			sender.close();
			throw ex;
		}
	}

	static String lockQueue(ChannelSpec channel, AmqpChannelOptions options, PairSide side) {
		return PairQueues.ownQueue(channel, options, side) + ".lock";
	}

	private static boolean isRefused(BindingException ex) {
		int code = BrokerFailures.replyCode(BrokerFailures.shutdownSignal(ex));
		return code == BrokerFailures.ACCESS_REFUSED || code == BrokerFailures.RESOURCE_LOCKED;
	}

	/**
	 * What a pair peer's listener is made of, before it has a side.
	 */
	private record Peer(Supplier<Channel> consumers, InboundHandler handler, @Nullable DeadLetterPublisher deadLetters,
			Function<PairSide, OutboundBinding> senders) {
	}

	/**
	 * A pair peer: its listener, the sender its listener answers through, and the release of
	 * its side's lock.
	 */
	private record PairPeerBinding(AmqpInboundBinding listener, OutboundBinding sender,
			Runnable release) implements InboundBinding {

		@Override
		public ChannelSpec channel() {
			return this.listener.channel();
		}

		@Override
		public void close() {
			this.listener.close();
			this.sender.close();
			this.release.run();
		}

	}

}
