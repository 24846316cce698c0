package dev.switchboard.support.micrometer;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.switchboard.core.ChannelSpec;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;

/**
 * The context of a message being sent or a request being made. Its carrier is a copy of
 * the message's headers, into which a tracing handler writes the trace context
 * ({@code traceparent}); the interceptor then sends the message with those headers.
 */
public class SwitchboardSenderContext extends SenderContext<Map<String, String>> {

	private final ChannelSpec channel;

	/**
	 * Create the context of one message or request about to be sent.
	 * @param channel the channel it is sent on
	 * @param headers the message's headers, copied into the carrier (they are not changed)
	 */
	public SwitchboardSenderContext(ChannelSpec channel, Map<String, String> headers) {
		super((carrier, key, value) -> {
			if (carrier != null) {
				carrier.put(key, value);
			}
		}, Kind.PRODUCER);
		this.channel = channel;
		setCarrier(new LinkedHashMap<>(headers));
		setRemoteServiceName(SwitchboardObservations.system(channel));
	}

	/**
	 * The channel the message is sent on, for conventions and filters.
	 * @return the channel
	 */
	public ChannelSpec getChannel() {
		return this.channel;
	}

}
