package dev.switchboard.autoconfigure.zmq;

import java.util.Map;
import java.util.stream.Collectors;

import dev.switchboard.ChannelConfigurationException;
import dev.switchboard.autoconfigure.SwitchboardProperties;
import dev.switchboard.zmq.ZmqChannelOptions;
import dev.switchboard.zmq.ZmqChannelOptionsResolver;
import dev.switchboard.zmq.ZmqFraming;

import org.springframework.util.unit.DataSize;

/**
 * Resolves each channel's ZeroMQ settings from {@code switchboard.channels.<name>.zmq}. The
 * options are built once, when the binder is created, so a lookup costs one map access.
 */
final class PropertiesZmqChannelOptionsResolver implements ZmqChannelOptionsResolver {

	private final Map<String, ZmqChannelOptions> options;

	PropertiesZmqChannelOptionsResolver(SwitchboardProperties properties) {
		this.options = properties.getChannels()
			.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, (entry) -> toOptions(entry.getKey(), entry.getValue().getZmq())));
	}

	@Override
	public ZmqChannelOptions resolve(String channel) {
		return this.options.getOrDefault(channel, ZmqChannelOptions.none());
	}

	private static ZmqChannelOptions toOptions(String channel, ZmqChannelProperties zmq) {
		if (zmq.getRequestRetries() < 0) {
			throw new ChannelConfigurationException("Channel '" + channel + "' has request retries "
					+ zmq.getRequestRetries() + ": set switchboard.channels." + channel
					+ ".zmq.request-retries to 0 (send once) or more");
		}
		DataSize maxMessageSize = zmq.getMaxMessageSize();
		return new ZmqChannelOptions(zmq.getEndpoints(), zmq.getBind(), ZmqFraming.valueOf(zmq.getFraming().name()),
				zmq.getSendHighWaterMark(), zmq.getReceiveHighWaterMark(),
				(maxMessageSize != null) ? maxMessageSize.toBytes() : null, zmq.getRequestRetries());
	}

}
