package dev.switchboard.listener;

import org.jspecify.annotations.Nullable;

/**
 * One listener to bind: which channel, which topics, how many threads and what to call.
 *
 * @param id a unique id, used for logs and to pause or resume the listener
 * @param channel the channel name
 * @param topic the topic filter of a pub-sub subscriber, or {@code null} for every topic
 * @param group the pub-sub consumer group, or {@code null}
 * @param concurrency the number of threads, or {@code 0} for the channel's default
 * @param listener what to call
 */
public record ListenerEndpoint(String id, String channel, @Nullable String topic, @Nullable String group,
		int concurrency, MessageListenerAdapter listener) {

	public ListenerEndpoint {
		if (concurrency < 0) {
			throw new IllegalArgumentException("Listener '" + id + "' concurrency must not be negative");
		}
	}

}
