package dev.switchboard.amqp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import dev.switchboard.BindingException;
import dev.switchboard.ChannelConfigurationException;
import dev.switchboard.binder.Binder;
import dev.switchboard.binder.BinderState;
import dev.switchboard.binder.Binding;
import dev.switchboard.binder.InboundBinding;
import dev.switchboard.binder.InboundHandler;
import dev.switchboard.binder.InboundSpec;
import dev.switchboard.binder.OutboundBinding;
import dev.switchboard.binder.RequestBinding;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.Pattern;
import dev.switchboard.core.TopicFilter;
import dev.switchboard.core.WireMessage;

import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The {@link Binder} for RabbitMQ. Request-reply channels are a durable queue named after
 * the channel, answered through direct reply-to; pub-sub channels a topic exchange named
 * after the channel with a queue per subscriber or per group; pipeline channels a durable
 * queue with persistent, confirmed messages and acknowledgements after the listener returns;
 * pair channels the two single-active-consumer queues {@code <channel>.a} and
 * {@code <channel>.b}.
 *
 * <p>Nothing touches the broker until the first channel is bound, so an application whose
 * channels all use another transport runs without RabbitMQ.
 */
public class AmqpBinder implements Binder {

	/**
	 * The transport name channels select this binder with.
	 */
	public static final String TRANSPORT = "amqp";

	private final AmqpConnections connections;

	private final AmqpChannelOptionsResolver channelOptions;

	private final ScheduledThreadPoolExecutor timer;

	private final PairSides pairSides;

	private final Set<Binding> bindings = ConcurrentHashMap.newKeySet();

	/**
	 * Where listeners' replies are published: made with the binder, so that a reply takes no
	 * lock to find them. Lanes open their channels on first use, so this touches no broker.
	 */
	private final PublisherLanes replies;

	private final PublisherLanes deadLetterLanes;

	public AmqpBinder(AmqpConnectionOptions connectionOptions, AmqpChannelOptionsResolver channelOptions) {
		this.connections = new AmqpConnections(connectionOptions);
		this.channelOptions = channelOptions;
		this.timer = new ScheduledThreadPoolExecutor(1, new CustomizableThreadFactory("switchboard-amqp-timer-"));
		this.timer.setRemoveOnCancelPolicy(true);
		this.pairSides = new PairSides(this.connections::publishingChannel, this.timer);
		this.replies = publisherLanes(false);
		this.deadLetterLanes = publisherLanes(true);
	}

	@Override
	public String transport() {
		return TRANSPORT;
	}

	@Override
	public OutboundBinding bindOutbound(ChannelSpec channel) {
		AmqpChannelOptions options = this.channelOptions.resolve(channel.name());
		PublisherLanes lanes = publisherLanes(options.confirms());
		try {
			Channel amqp = lanes.firstChannel();
			return track(switch (channel.pattern()) {
				case PUB_SUB -> {
					String exchange = AmqpNames.exchange(channel, options);
					AmqpTopology.declareTopicExchange(amqp, channel.name(), exchange, options.durable());
					yield new AmqpOutboundBinding(channel, lanes, exchange, null, options);
				}
				case PIPELINE -> {
					String queue = AmqpNames.queue(channel, options);
					DeadLetterQueues.declare(amqp, channel, options);
					AmqpTopology.declareQueue(amqp, channel.name(), queue, options.durable(),
							DeadLetterQueues.arguments(channel, options, null));
					yield new AmqpOutboundBinding(channel, lanes, "", queue, options);
				}
				case PAIR -> {
					PairSide side = this.pairSides.sideForSending(channel, options);
					PairQueues.declare(amqp, channel, options);
					yield pairSender(channel, options, lanes, side);
				}
				case REQUEST_REPLY -> throw new ChannelConfigurationException("Channel '" + channel.name()
						+ "' is request-reply: bind a requester, not an outbound binding");
			});
		}
		catch (RuntimeException ex) {
			lanes.close();
			throw ex;
		}
	}

	@Override
	public RequestBinding bindRequester(ChannelSpec channel) {
		if (channel.pattern() != Pattern.REQUEST_REPLY) {
			throw new ChannelConfigurationException("Channel '" + channel.name() + "' is " + channel.pattern()
					+ ": only request-reply channels have requesters");
		}
		AmqpChannelOptions options = this.channelOptions.resolve(channel.name());
		AmqpRequestBinding binding = new AmqpRequestBinding(channel, AmqpNames.queue(channel, options),
				this.connections.options().publisherChannels(), this.connections::publishingChannel,
				this.connections.gate(), this.timer);
		try {
			return track(binding.start(options.durable()));
		}
		catch (RuntimeException ex) {
			binding.close();
			throw ex;
		}
	}

	/**
	 * Start a listener's consumers; the binding can be paused (see
	 * {@link PausableInboundBinding}).
	 */
	@Override
	public InboundBinding bindInbound(ChannelSpec channel, InboundSpec spec, InboundHandler handler) {
		AmqpChannelOptions options = this.channelOptions.resolve(channel.name());
		return track(new PausableInboundBinding(channel, () -> startInbound(channel, spec, handler, options),
				describeInbound(channel, spec, options)));
	}

	private InboundBinding startInbound(ChannelSpec channel, InboundSpec spec, InboundHandler handler,
			AmqpChannelOptions options) {
		return switch (channel.pattern()) {
			case REQUEST_REPLY -> startWorkQueue(channel, spec, handler, options, this::reply);
			case PIPELINE -> startWorkQueue(channel, spec, handler, options, (request, reply) -> {
			});
			case PUB_SUB -> AmqpInboundBinding.start(channel,
					Subscriptions.settings(channel, spec, options, deadLetters(channel, options)),
					this.connections::consumingChannel, handler, (request, reply) -> {
					}, this.timer);
			case PAIR -> this.pairSides.startPeer(channel, spec, options, this.connections::consumingChannel,
					handler, deadLetters(channel, options),
					(side) -> pairSender(channel, options, publisherLanes(options.confirms()), side));
		};
	}

	private static Map<String, Object> describeInbound(ChannelSpec channel, InboundSpec spec,
			AmqpChannelOptions options) {
		Map<String, Object> description = new LinkedHashMap<>();
		switch (channel.pattern()) {
			case REQUEST_REPLY, PIPELINE -> description.put("queue", AmqpNames.queue(channel, options));
			case PUB_SUB -> {
				description.put("exchange", AmqpNames.exchange(channel, options));
				description.put("bindingKey",
						((spec.topicFilter() != null) ? spec.topicFilter() : TopicFilter.all()).expression());
				description.put("queue", (spec.group() != null) ? AmqpNames.groupQueue(channel, options, spec.group())
						: "(server-named, exclusive)");
			}
			case PAIR -> {
				String stem = AmqpNames.queue(channel, options);
				description.put("queues", List.of(stem + ".a", stem + ".b"));
				description.put("side", options.side().name().toLowerCase(Locale.ROOT));
			}
		}
		description.put("consumers", spec.concurrency());
		description.put("prefetch", options.prefetch());
		return description;
	}

	private OutboundBinding pairSender(ChannelSpec channel, AmqpChannelOptions options, PublisherLanes lanes,
			PairSide side) {
		return new AmqpOutboundBinding(channel, lanes, "", PairQueues.peerQueue(channel, options, side), options);
	}

	private AmqpInboundBinding startWorkQueue(ChannelSpec channel, InboundSpec spec, InboundHandler handler,
			AmqpChannelOptions options, ReplySender replies) {
		String queue = AmqpNames.queue(channel, options);
		// A request that fails reaches its caller as an error reply: request queues have no dead letters.
		boolean requests = channel.pattern() == Pattern.REQUEST_REPLY;
		ConsumerSettings settings = new ConsumerSettings((amqp) -> {
			if (!requests) {
				DeadLetterQueues.declare(amqp, channel, options);
			}
			AmqpTopology.declareQueue(amqp, channel.name(), queue, options.durable(),
					requests ? null : DeadLetterQueues.arguments(channel, options, null));
			return queue;
		}, spec.concurrency(), options.prefetch(), false, requests ? null : deadLetters(channel, options));
		return AmqpInboundBinding.start(channel, settings, this.connections::consumingChannel, handler, replies,
				this.timer);
	}

	/**
	 * The publisher of a channel's dead letters, or {@code null} when it has no dead-letter
	 * queue.
	 */
	private @Nullable DeadLetterPublisher deadLetters(ChannelSpec channel, AmqpChannelOptions options) {
		return options.deadLetterQueue() ? new DeadLetterPublisher(channel, options, this.deadLetterLanes) : null;
	}

	/**
	 * Answer a request on its reply address; requests without one (fire-and-forget clients)
	 * get nothing, which is counted as dropped.
	 */
	private void reply(AMQP.BasicProperties request, WireMessage reply) {
		String replyTo = request.getReplyTo();
		if (replyTo == null) {
			throw new BindingException("the request has no reply_to property, so the reply has nowhere to go");
		}
		this.replies.publish("", replyTo, false, AmqpMessages.reply(reply, request.getCorrelationId()), reply.payload());
	}

	private PublisherLanes publisherLanes(boolean confirms) {
		return new PublisherLanes(this.connections.options().publisherChannels(), this.connections::publishingChannel,
				ChannelInitializer.NONE, confirms, this.connections.gate());
	}

	/**
	 * Down while a connection the binder opened is closed or recovering, with the broker's
	 * reason; up before the first connection, since nothing needs the broker yet. A
	 * connection the broker blocks (a memory or disk alarm) stays up, with the alarm in its
	 * details: listeners still receive, only sends wait.
	 */
	@Override
	public BinderState state() {
		Map<String, String> connections = this.connections.state();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("addresses", this.connections.options().addresses());
		details.put("connections", connections);
		for (Map.Entry<String, String> connection : connections.entrySet()) {
			String state = connection.getValue();
			if (!state.startsWith(AmqpConnections.OPEN) && !state.equals(AmqpConnections.NOT_CONNECTED)) {
				return BinderState.down("the " + connection.getKey() + " connection to RabbitMQ at "
						+ this.connections.options().addresses() + " is " + state + "; it is retried every "
						+ this.connections.options().recoveryInterval().toSeconds() + " s", details);
			}
		}
		return BinderState.up(details);
	}

	private <B extends Binding> B track(B binding) {
		this.bindings.add(binding);
		return binding;
	}

	@Override
	public void close() {
		this.bindings.forEach(Binding::close);
		this.bindings.clear();
		this.replies.close();
		this.deadLetterLanes.close();
		this.timer.shutdownNow();
		this.connections.close();
	}

}
