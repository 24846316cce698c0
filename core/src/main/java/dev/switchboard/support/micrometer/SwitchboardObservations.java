package dev.switchboard.support.micrometer;

import dev.switchboard.core.ChannelSpec;
import io.micrometer.common.KeyValues;

/**
 * Names and key values of Switchboard's Observations, after the OpenTelemetry messaging
 * semantic conventions. All key values are low cardinality: the destination is the channel
 * name, never a topic or a payload value.
 */
public final class SwitchboardObservations {

	/**
	 * The Observation of a send, a publish or a request (for a request: the round trip).
	 */
	public static final String SEND = "switchboard.send";

	/**
	 * The Observation of a listener handling one message.
	 */
	public static final String PROCESS = "switchboard.process";

	private SwitchboardObservations() {
	}

	/**
	 * The {@code messaging.system} of a channel: {@code rabbitmq} for amqp, {@code zeromq}
	 * for zmq, else the transport name; in any case the transport is written in.
	 * @param channel the channel
	 * @return the system name
	 */
	public static String system(ChannelSpec channel) {
		String transport = SwitchboardMeters.transport(channel);
		return switch (transport) {
			case "amqp" -> "rabbitmq";
			case "zmq" -> "zeromq";
			default -> transport;
		};
	}

	static KeyValues keyValues(ChannelSpec channel, String operation) {
		return KeyValues.of("messaging.system", system(channel), "messaging.destination.name", channel.name(),
				"messaging.operation", operation, "switchboard.pattern", channel.pattern().id(),
				"switchboard.transport", SwitchboardMeters.transport(channel));
	}

}
