package dev.switchboard.zmq;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import dev.switchboard.binder.Binder;
import dev.switchboard.binder.BinderContractTests;
import dev.switchboard.binder.DeadLetter;
import dev.switchboard.binder.DeadLetterHandler;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.WireMessage;

/**
 * The shared binder contract on real ZeroMQ sockets over loopback TCP. ZeroMQ has no
 * dead-letter queue, so the binders hand dead letters to a recording handler.
 */
class ZmqBinderContractIntegrationTests extends BinderContractTests {

	private final Map<String, ZmqChannelOptions> channels = new ConcurrentHashMap<>();

	private final Map<String, Queue<WireMessage>> deadLetters = new ConcurrentHashMap<>();

	private final DeadLetterHandler recorder = this::record;

	@Override
	protected Binder createBinder() {
		return new ZmqBinder(ZmqBinderOptions.defaults(), this::resolve, List.of(), this.recorder);
	}

	@Override
	protected Binder createPeerBinder(ChannelSpec pairChannel) {
		return new ZmqBinder(ZmqBinderOptions.defaults(), (channel) -> channel.equals(pairChannel.name())
				? resolve(channel).withBind(true) : resolve(channel), List.of(), this.recorder);
	}

	@Override
	protected void configureChannel(ChannelSpec channel) {
		this.channels.put(channel.name(), ZmqChannelOptions.of(FreePorts.endpoint()));
	}

	@Override
	protected List<WireMessage> deadLetters(ChannelSpec channel) {
		return List.copyOf(this.deadLetters.getOrDefault(channel.name(), new ConcurrentLinkedQueue<>()));
	}

	private void record(DeadLetter deadLetter) {
		this.deadLetters.computeIfAbsent(deadLetter.channel(), (name) -> new ConcurrentLinkedQueue<>())
			.add(deadLetter.toWireMessage());
	}

	private ZmqChannelOptions resolve(String channel) {
		return this.channels.getOrDefault(channel, ZmqChannelOptions.none());
	}

}
