package dev.switchboard.autoconfigure;

import java.time.Duration;
import java.util.List;

import dev.switchboard.ChannelConfigurationException;
import dev.switchboard.autoconfigure.SwitchboardProperties.Channel;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.ChannelStatistics;
import dev.switchboard.core.Pattern;
import dev.switchboard.core.RetryPolicy;

import org.springframework.util.StringUtils;

/**
 * Turns {@code switchboard.channels.*} into {@link ChannelSpec}s, failing on a setting that
 * cannot work with a message that names the property to change, rather than the bare
 * assertion {@link ChannelSpec} itself would raise.
 */
final class ChannelSpecMapper {

	private ChannelSpecMapper() {
	}

	static List<ChannelSpec> map(SwitchboardProperties properties) {
		return properties.getChannels()
			.entrySet()
			.stream()
			.map((entry) -> map(entry.getKey(), entry.getValue(), properties.getTransport()))
			.toList();
	}

	private static ChannelSpec map(String name, Channel channel, String defaultTransport) {
		String property = "switchboard.channels." + name;
		Pattern pattern = channel.getPattern();
		if (pattern == null) {
			throw new ChannelConfigurationException("Channel '" + name + "' has no pattern: set " + property
					+ ".pattern to request-reply, pub-sub, pipeline or pair");
		}
		String override = channel.getTransport();
		String transport = StringUtils.hasText(override) ? override : defaultTransport;
		if (!StringUtils.hasText(transport)) {
			throw new ChannelConfigurationException("Channel '" + name + "' has no transport: set " + property
					+ ".transport or switchboard.transport to zmq or amqp");
		}
		if (channel.getConcurrency() < 1) {
			throw new ChannelConfigurationException("Channel '" + name + "' has concurrency "
					+ channel.getConcurrency() + ": set " + property + ".concurrency to 1 or more");
		}
		Duration timeout = channel.getRequestTimeout();
		if (timeout.isNegative() || timeout.isZero()) {
			throw new ChannelConfigurationException("Channel '" + name + "' has request timeout " + timeout + ": set "
					+ property + ".request-timeout to a positive duration such as 5s");
		}
		return new ChannelSpec(name, pattern, transport.trim(), channel.getConcurrency(), timeout,
				retryPolicy(channel.getRetry(), property + ".retry"), new ChannelStatistics());
	}

	private static RetryPolicy retryPolicy(RetryProperties retry, String property) {
		try {
			return new RetryPolicy(retry.getMaxAttempts(), retry.getInitialInterval(), retry.getMultiplier(),
					retry.getMaxInterval(), retry.getNonRetryableExceptions());
		}
		catch (IllegalArgumentException ex) {
			throw new ChannelConfigurationException(ex.getMessage() + ": fix " + property
					+ ".max-attempts (1 or more), .initial-interval, .max-interval (not shorter) or .multiplier (1.0 or more)");
		}
	}

}
