package dev.switchboard.core;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * What a binder needs to know about a channel, whatever its transport: the name, the
 * pattern, the transport that carries it, the default listener concurrency and the default
 * request timeout. Transport-specific settings (endpoints, queue names) belong to the
 * binder's own options, looked up by channel name.
 *
 * @param name the channel name, used in every log and error message
 * @param pattern the messaging pattern
 * @param transport the name of the binder that carries the channel, such as {@code zmq}
 * @param concurrency how many threads each listener on this channel uses by default
 * @param requestTimeout how long a request waits for its reply by default
 * @param retry how a listener that throws is retried before its message takes the error
 * path
 * @param statistics the channel's running counts
 */
public record ChannelSpec(String name, Pattern pattern, String transport, int concurrency, Duration requestTimeout,
		RetryPolicy retry, ChannelStatistics statistics) {

	/**
	 * The request timeout used when none is configured.
	 */
	public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

	public ChannelSpec {
		Assert.hasText(name, "Channel name must not be empty");
		Assert.hasText(transport, () -> "Channel '" + name + "' needs a transport");
		Assert.isTrue(concurrency > 0, () -> "Channel '" + name + "' concurrency must be at least 1");
		Assert.isTrue(!requestTimeout.isNegative() && !requestTimeout.isZero(),
				() -> "Channel '" + name + "' request timeout must be positive");
	}

	/**
	 * A channel with one listener thread, the default request timeout and the default retry
	 * policy.
	 * @param name the channel name
	 * @param pattern the pattern
	 * @param transport the binder name
	 * @return the spec
	 */
	public static ChannelSpec of(String name, Pattern pattern, String transport) {
		return new ChannelSpec(name, pattern, transport, 1, DEFAULT_REQUEST_TIMEOUT, RetryPolicy.DEFAULT,
				new ChannelStatistics());
	}

}
