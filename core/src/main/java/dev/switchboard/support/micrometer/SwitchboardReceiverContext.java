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

	/**
	 * Create the context of one message a listener is about to handle.
	 * @param channel the channel it arrived on
	 * @param message the message as received, whose headers carry the sender's trace context
	 */
	public SwitchboardReceiverContext(ChannelSpec channel, WireMessage message) {
		super((carrier, key) -> carrier.headers().get(key), Kind.CONSUMER);
		this.channel = channel;
		setCarrier(message);
		setRemoteServiceName(SwitchboardObservations.system(channel));
	}

	/**
	 * The channel the message arrived on, for conventions and filters.
	 * @return the channel
	 */
	public ChannelSpec getChannel() {
		return this.channel;
	}

}
