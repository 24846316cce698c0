package dev.switchboard.zmq;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import dev.switchboard.BindingException;
import dev.switchboard.ChannelConfigurationException;
import dev.switchboard.binder.Binder;
import dev.switchboard.binder.BinderState;
import dev.switchboard.binder.DeadLetterHandler;
import dev.switchboard.binder.InboundBinding;
import dev.switchboard.binder.InboundHandler;
import dev.switchboard.binder.InboundSpec;
import dev.switchboard.binder.LoggingDeadLetterHandler;
import dev.switchboard.binder.OutboundBinding;
import dev.switchboard.binder.PendingReplies;
import dev.switchboard.binder.RequestBinding;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.Pattern;
import dev.switchboard.core.TopicFilter;

import org.jspecify.annotations.Nullable;

/**
 * Carries channels over ZeroMQ with JeroMQ, brokerless: ROUTER/DEALER for request-reply,
 * PUB/SUB for pub-sub, PUSH/PULL for pipeline and PAIR for pair. Each socket is owned by one
 * thread; see {@code docs/zmq.md} for the wire format and the defaults.
 *
 * <p>ZeroMQ keeps no queue, so the messages a listener gives up on go to a
 * {@link DeadLetterHandler}; by default a {@link LoggingDeadLetterHandler}.
 *
 * <p>The ZeroMQ context is created on the first bind, so an application whose channels all
 * use another transport starts no ZeroMQ thread.
 */
public class ZmqBinder implements Binder {

	/**
	 * The transport name channels select this binder with.
	 */
	public static final String TRANSPORT = "zmq";

	private final ZmqBinderOptions options;

	private final ZmqRuntime runtime;

	private final SocketRegistry sockets;

	private final DeadLetterHandler deadLetterHandler;

	private final Set<ZmqBinding> bindings = ConcurrentHashMap.newKeySet();

	private volatile boolean closed;

	public ZmqBinder(ZmqBinderOptions options, ZmqChannelOptionsResolver channelOptions) {
		this(options, channelOptions, List.of());
	}

	/**
	 * Create a binder whose sockets are adjusted by customizers, for example for CURVE.
	 * @param options the binder-wide options
	 * @param channelOptions the per-channel options
	 * @param customizers applied in order to every socket before it binds or connects
	 */
	public ZmqBinder(ZmqBinderOptions options, ZmqChannelOptionsResolver channelOptions,
			List<ZmqSocketCustomizer> customizers) {
		this(options, channelOptions, customizers, new LoggingDeadLetterHandler());
	}

	/**
	 * Create a binder that hands the messages its listeners give up on to a handler.
	 * @param options the binder-wide options
	 * @param channelOptions the per-channel options
	 * @param customizers applied in order to every socket before it binds or connects
	 * @param deadLetterHandler takes every dead letter of every channel, on the listener's
	 * thread
	 */
	public ZmqBinder(ZmqBinderOptions options, ZmqChannelOptionsResolver channelOptions,
			List<ZmqSocketCustomizer> customizers, DeadLetterHandler deadLetterHandler) {
		this.options = options;
		this.deadLetterHandler = deadLetterHandler;
		this.runtime = new ZmqRuntime(options);
		this.sockets = new SocketRegistry(this.runtime, options, channelOptions,
				new SocketOpener(options, customizers));
	}

	@Override
	public String transport() {
		return TRANSPORT;
	}

	@Override
	public OutboundBinding bindOutbound(ChannelSpec channel) {
		SocketRole role = switch (channel.pattern()) {
			case PUB_SUB -> SocketRole.PUBLISHER;
			case PIPELINE -> SocketRole.PRODUCER;
			case PAIR -> SocketRole.PEER;
			case REQUEST_REPLY -> throw new ChannelConfigurationException("Channel '" + channel.name()
					+ "' is request-reply: callers bind with bindRequester, not bindOutbound");
		};
		ZmqChannelOptions settings = settings(channel);
		ChannelSocket socket = this.sockets.acquire(channel, role, List.of(), null);
		int highWaterMark = (settings.sendHighWaterMark() != null) ? settings.sendHighWaterMark()
				: this.options.sendHighWaterMark();
		return track(new ZmqOutboundBinding(channel, socket, this.sockets, codec(channel, settings), role,
				highWaterMark, this.bindings::remove));
	}

	@Override
	public RequestBinding bindRequester(ChannelSpec channel) {
		if (channel.pattern() != Pattern.REQUEST_REPLY) {
			throw new ChannelConfigurationException("Channel '" + channel.name() + "' is " + channel.pattern()
					+ ", not request-reply: only request-reply channels have callers");
		}
		ZmqChannelOptions settings = settings(channel);
		MessageCodec codec = codec(channel, settings);
		PendingReplies pending = new PendingReplies(channel, this.runtime.timer());
		ReplyMatcher replies = new ReplyMatcher(channel.name(), pending, codec, malformed(channel));
		ChannelSocket socket = this.sockets.acquire(channel, SocketRole.CALLER, List.of(), replies);
		return track(new ZmqRequestBinding(channel, socket, this.sockets, replies, pending, codec,
				this.runtime.timer(), settings.requestRetries(), this.bindings::remove));
	}

	@Override
	public InboundBinding bindInbound(ChannelSpec channel, InboundSpec spec, InboundHandler handler) {
		rejectGroup(channel, spec);
		ZmqChannelOptions settings = settings(channel);
		MessageCodec codec = codec(channel, settings);
		SocketRole role = inboundRole(channel.pattern());
		List<byte[]> subscriptions = (role == SocketRole.SUBSCRIBER)
				? List.of(subscription(channel, spec.topicFilter(), settings.framing())) : List.of();
		WorkerPool workers = new WorkerPool(channel.name(), channel.statistics(),
				"switchboard-zmq-" + channel.name() + "-handler-",
				spec.concurrency(), (settings.receiveHighWaterMark() != null) ? settings.receiveHighWaterMark()
						: this.options.receiveHighWaterMark());
		Receiver receiver = (role == SocketRole.LISTENER)
				? new RequestListener(handler, codec, workers, malformed(channel), channel.statistics())
				: new DeliveryReceiver(handler, codec, workers, malformed(channel),
						new DeadLetters(channel.name(), this.deadLetterHandler, channel.statistics()),
						channel.statistics(), role == SocketRole.PEER,
						role == SocketRole.SUBSCRIBER && settings.framing() == ZmqFraming.ENVELOPE);
		ChannelSocket socket;
		try {
			socket = this.sockets.acquire(channel, role, subscriptions, receiver);
		}
		catch (RuntimeException ex) {
			workers.close(Duration.ZERO);
			throw ex;
		}
		return track(new ZmqInboundBinding(channel, socket, this.sockets, receiver, workers,
				this.options.shutdownTimeout(), this.bindings::remove));
	}

	/**
	 * Up unless the I/O thread of an open binding's socket has stopped; the details list
	 * each open binding's socket, endpoints and connected peers by channel.
	 */
	@Override
	public BinderState state() {
		Map<String, List<Map<String, Object>>> channels = new TreeMap<>();
		List<String> broken = new ArrayList<>();
		for (ZmqBinding binding : this.bindings) {
			if (binding instanceof AbstractZmqBinding zmq) {
				channels.computeIfAbsent(binding.channel().name(), (name) -> new ArrayList<>()).add(zmq.describe());
				if (!zmq.isHealthy()) {
					broken.add(binding.channel().name());
				}
			}
		}
		Map<String, Object> details = Map.of("bindings", channels);
		if (!broken.isEmpty()) {
			return BinderState.down("the ZeroMQ I/O thread of channel(s) " + broken + " stopped; see the log for the "
					+ "error and restart the application", details);
		}
		return BinderState.up(details);
	}

	/**
	 * Close every binding still open, then the context. Listeners stop taking messages
	 * first and their handlers get the shutdown timeout, side by side, to finish; then every
	 * socket closes, each within the linger plus a second.
	 */
	@Override
	public void close() {
		this.closed = true;
		List<ZmqBinding> open = new ArrayList<>(this.bindings);
		open.sort(Comparator.comparing((binding) -> !(binding instanceof ZmqInboundBinding)));
		open.forEach((binding) -> {
			if (binding instanceof ZmqInboundBinding inbound) {
				inbound.stopReceiving();
			}
		});
		open.forEach(ZmqBinding::close);
		this.sockets.closeAll();
		this.runtime.close();
	}

	private ZmqChannelOptions settings(ChannelSpec channel) {
		if (this.closed) {
			throw new BindingException("The ZeroMQ binder is closed; channel '" + channel.name() + "' cannot bind");
		}
		return this.sockets.options(channel);
	}

	private <B extends ZmqBinding> B track(B binding) {
		this.bindings.add(binding);
		return binding;
	}

	private static MessageCodec codec(ChannelSpec channel, ZmqChannelOptions settings) {
		return new MessageCodec(channel.name(), settings.framing(), channel.pattern() == Pattern.PUB_SUB);
	}

	private static MalformedMessages malformed(ChannelSpec channel) {
		return new MalformedMessages(channel.name(), channel.statistics());
	}

	private static SocketRole inboundRole(Pattern pattern) {
		return switch (pattern) {
			case REQUEST_REPLY -> SocketRole.LISTENER;
			case PUB_SUB -> SocketRole.SUBSCRIBER;
			case PIPELINE -> SocketRole.WORKER;
			case PAIR -> SocketRole.PEER;
		};
	}

	/**
	 * ZeroMQ has no broker to hold a group's shared queue; a group of subscribers that share
	 * work is what a pipeline channel is for.
	 */
	private static void rejectGroup(ChannelSpec channel, InboundSpec spec) {
		if (spec.group() != null) {
			throw new ChannelConfigurationException("Channel '" + channel.name() + "': consumer group '" + spec.group()
					+ "' needs the amqp transport (a broker keeps the group's shared queue); on zmq remove the group, "
					+ "or use a pipeline channel to share work between listeners");
		}
	}

	/**
	 * What a SUB socket subscribes to. Envelope framing subscribes to the filter's literal
	 * prefix of the topic frame and core checks the rest; raw framing has no topic frame, so
	 * the filter is a plain prefix of the payload and cannot hold wildcards.
	 */
	private static byte[] subscription(ChannelSpec channel, @Nullable TopicFilter filter, ZmqFraming framing) {
		if (filter == null || filter.equals(TopicFilter.all())) {
			return new byte[0];
		}
		if (framing == ZmqFraming.RAW && !filter.isLiteral()) {
			throw new ChannelConfigurationException("Channel '" + channel.name() + "' uses raw framing, where a "
					+ "subscription is a plain prefix of the payload, so topic filter '" + filter + "' cannot use '*' "
					+ "or '#'; subscribe to a literal prefix, or set switchboard.channels." + channel.name()
					+ ".zmq.framing=envelope");
		}
		String prefix = (framing == ZmqFraming.RAW) ? filter.expression() : filter.literalPrefix();
		return prefix.getBytes(StandardCharsets.UTF_8);
	}

}
