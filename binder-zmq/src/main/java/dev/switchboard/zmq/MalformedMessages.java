package dev.switchboard.zmq;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.switchboard.core.ChannelStatistics;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Counts and logs messages that do not parse. The first is logged as a warning with the
 * channel and what was wrong; the rest at debug level, so a misbehaving peer cannot flood
 * the log while the count still shows every one.
 */
final class MalformedMessages {

	private static final Log logger = LogFactory.getLog(MalformedMessages.class);

	private final String channel;

	private final ChannelStatistics statistics;

	private final AtomicBoolean warned = new AtomicBoolean();

	MalformedMessages(String channel, ChannelStatistics statistics) {
		this.channel = channel;
		this.statistics = statistics;
	}

	void report(MalformedMessageException ex) {
		this.statistics.malformed();
		String message = "Channel '" + this.channel + "': dropped a malformed ZeroMQ message: " + ex.getMessage();
		if (this.warned.compareAndSet(false, true)) {
			logger.warn(message + " (further malformed messages on this channel are logged at debug level)");
		}
		else if (logger.isDebugEnabled()) {
			logger.debug(message);
		}
	}

}
