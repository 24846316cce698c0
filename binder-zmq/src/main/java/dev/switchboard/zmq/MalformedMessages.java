package dev.switchboard.zmq;

import dev.switchboard.core.ChannelStatistics;
import dev.switchboard.support.logging.RateLimitedLog;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Counts and logs messages that do not parse. Each is counted; the log is rate-limited
 * ({@link RateLimitedLog}: the first as a warning with the channel and what was wrong, then
 * at most one warning a minute with how many came meanwhile, the rest at debug level), so a
 * misbehaving peer cannot flood the log while the count still shows every one.
 */
final class MalformedMessages {

	private static final Log logger = LogFactory.getLog(MalformedMessages.class);

	private final String channel;

	private final ChannelStatistics statistics;

	private final RateLimitedLog log = new RateLimitedLog(logger);

	MalformedMessages(String channel, ChannelStatistics statistics) {
		this.channel = channel;
		this.statistics = statistics;
	}

	void report(MalformedMessageException ex) {
		this.statistics.malformed();
		String message = "Channel '" + this.channel + "': dropped a malformed ZeroMQ message: " + ex.getMessage();
		this.log.warn(message, null);
	}

}
