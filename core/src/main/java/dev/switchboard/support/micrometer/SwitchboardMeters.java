package dev.switchboard.support.micrometer;

import java.util.Locale;

import dev.switchboard.core.ChannelSpec;
import io.micrometer.core.instrument.Tags;

/**
 * The names and tags of Switchboard's meters, the same on every transport.
 */
public final class SwitchboardMeters {

	/**
	 * Prefix of every Switchboard meter.
	 */
	public static final String PREFIX = "switchboard";

	/**
	 * Timer: how long listeners take per message, tagged with the outcome.
	 */
	public static final String HANDLER = PREFIX + ".handler";

	/**
	 * Timer: request-reply round trips as the caller sees them, tagged with the outcome.
	 */
	public static final String REQUEST = PREFIX + ".request";

	/**
	 * Tag: the channel name.
	 */
	public static final String CHANNEL = "channel";

	/**
	 * Tag: the channel's pattern, such as {@code request-reply}.
	 */
	public static final String PATTERN = "pattern";

	/**
	 * Tag: the transport, such as {@code zmq}.
	 */
	public static final String TRANSPORT = "transport";

	/**
	 * Tag of the timers: {@code success}, {@code error} (the listener failed), {@code timeout}
	 * (no reply in time) or {@code failure} (the transport failed).
	 */
	public static final String OUTCOME = "outcome";

	private SwitchboardMeters() {
	}

	/**
	 * The tags every Switchboard meter of a channel has.
	 * @param channel the channel
	 * @return channel, pattern and transport
	 */
	public static Tags tags(ChannelSpec channel) {
		return Tags.of(CHANNEL, channel.name(), PATTERN, channel.pattern().id(), TRANSPORT,
				channel.transport().toLowerCase(Locale.ROOT));
	}

}
