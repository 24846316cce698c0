package dev.switchboard.support.micrometer;

import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.WireMessage;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;

/**
 * The context of a message being handled by a listener; a tracing handler reads the
 * sender's trace context from the message's headers.
 */
public class SwitchboardReceiverContext extends ReceiverContext<WireMessage> {

	private final ChannelSpec channel;

	public SwitchboardReceiverContext(ChannelSpec channel, WireMessage message) {
		super((carrier, key) -> carrier.headers().get(key), Kind.CONSUMER);
		this.channel = channel;
		setCarrier(message);
		setRemoteServiceName(SwitchboardObservations.system(channel));
	}

	public ChannelSpec getChannel() {
		return this.channel;
	}

}
