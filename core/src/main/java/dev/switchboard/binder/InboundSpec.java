package dev.switchboard.binder;

import dev.switchboard.core.TopicFilter;

import org.jspecify.annotations.Nullable;

/**
 * The options of one listener on a channel.
 *
 * @param topicFilter which topics a pub-sub subscriber receives; {@code null} elsewhere
 * @param group a pub-sub consumer group whose members share one copy of each message, or
 * {@code null} for a subscriber of its own
 * @param concurrency how many threads may call the handler at once
 */
public record InboundSpec(@Nullable TopicFilter topicFilter, @Nullable String group, int concurrency) {

	public InboundSpec {
		if (concurrency < 1) {
			throw new IllegalArgumentException("Listener concurrency must be at least 1, was " + concurrency);
		}
	}

}
