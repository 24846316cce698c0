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
	 * Counter: messages by what happened to them, in the {@link #OUTCOME} tag: {@value #SENT},
	 * {@value #RECEIVED}, {@value #FAILED}, {@value #RETRIED}, {@value #DEAD_LETTERED},
	 * {@value #MALFORMED} or {@value #DROPPED}.
	 */
	public static final String MESSAGES = PREFIX + ".messages";

	/**
	 * Counter: requests that got no reply within their timeout.
	 */
	public static final String REQUESTS_TIMED_OUT = PREFIX + ".requests.timed.out";

	/**
	 * Counter: peers disconnected for not speaking the protocol.
	 */
	public static final String PEERS_REJECTED = PREFIX + ".peers.rejected";

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
	 * Tag: of {@link #MESSAGES}, what happened to the messages; of the timers,
	 * {@code success}, {@code error} (the listener failed), {@code timeout} (no reply in
	 * time) or {@code failure} (the transport failed).
	 */
	public static final String OUTCOME = "outcome";

	/**
	 * Outcome of {@link #MESSAGES}: handed to the transport by this application.
	 */
	public static final String SENT = "sent";

	/**
	 * Outcome of {@link #MESSAGES}: delivered to a listener.
	 */
	public static final String RECEIVED = "received";

	/**
	 * Outcome of {@link #MESSAGES}: the listener threw.
	 */
	public static final String FAILED = "failed";

	/**
	 * Outcome of {@link #MESSAGES}: a further attempt after the listener threw.
	 */
	public static final String RETRIED = "retried";

	/**
	 * Outcome of {@link #MESSAGES}: handed to the dead-letter path.
	 */
	public static final String DEAD_LETTERED = "dead-lettered";

	/**
	 * Outcome of {@link #MESSAGES}: could not be decoded.
	 */
	public static final String MALFORMED = "malformed";

	/**
	 * Outcome of {@link #MESSAGES}: dropped by the transport.
	 */
	public static final String DROPPED = "dropped";

	static final String MESSAGES_DESCRIPTION = "Messages by outcome: sent, received, failed (the listener threw), "
			+ "retried, dead-lettered, malformed (undecodable) or dropped (by the transport)";

	private SwitchboardMeters() {
	}

	/**
	 * The tags every Switchboard meter of a channel has.
	 * @param channel the channel
	 * @return channel, pattern and transport
	 */
	public static Tags tags(ChannelSpec channel) {
		return Tags.of(CHANNEL, channel.name(), PATTERN, channel.pattern().id(), TRANSPORT, transport(channel));
	}

	/**
	 * A channel's transport as meters and Observations name it: lower case, whatever case
	 * the configuration used, so {@code AMQP} and {@code amqp} are one time series.
	 * @param channel the channel
	 * @return the transport name in lower case
	 */
	public static String transport(ChannelSpec channel) {
		return channel.transport().toLowerCase(Locale.ROOT);
	}

}
