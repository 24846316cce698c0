package dev.switchboard.zmq;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.switchboard.binder.Binder;
import dev.switchboard.binder.BinderContractTests;
import dev.switchboard.core.ChannelSpec;

/**
 * The shared binder contract on real ZeroMQ sockets over loopback TCP.
 */
class ZmqBinderContractIntegrationTests extends BinderContractTests {

	private final Map<String, ZmqChannelOptions> channels = new ConcurrentHashMap<>();

	@Override
	protected Binder createBinder() {
		return new ZmqBinder(ZmqBinderOptions.defaults(), this::resolve);
	}

	@Override
	protected Binder createPeerBinder(ChannelSpec pairChannel) {
		return new ZmqBinder(ZmqBinderOptions.defaults(), (channel) -> channel.equals(pairChannel.name())
				? resolve(channel).withBind(true) : resolve(channel));
	}

	@Override
	protected void configureChannel(ChannelSpec channel) {
		this.channels.put(channel.name(), ZmqChannelOptions.of(FreePorts.endpoint()));
	}

	private ZmqChannelOptions resolve(String channel) {
		return this.channels.getOrDefault(channel, ZmqChannelOptions.none());
	}

}
