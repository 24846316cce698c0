package dev.switchboard.amqp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import dev.switchboard.binder.InboundBinding;
import dev.switchboard.core.ChannelSpec;

import org.jspecify.annotations.Nullable;

/**
 * A listener's consumers that can be paused: pausing closes them, so the broker puts every
 * message they had prefetched or were not done with back on the queue for the other
 * consumers; resuming starts them again the way they were first started. A pub-sub
 * listener without a group has a queue of its own that goes with its consumers, so while
 * paused it misses what is published, like a subscriber that is not running.
 */
final class PausableInboundBinding implements InboundBinding {

	private final ChannelSpec channel;

	private final Supplier<InboundBinding> starter;

	private final Map<String, Object> description;

	private @Nullable InboundBinding running;

	private boolean closed;

	PausableInboundBinding(ChannelSpec channel, Supplier<InboundBinding> starter, Map<String, Object> description) {
		this.channel = channel;
		this.starter = starter;
		this.description = description;
		this.running = starter.get();
	}

	@Override
	public ChannelSpec channel() {
		return this.channel;
	}

	@Override
	public synchronized void pause() {
		if (this.running != null) {
			this.running.close();
			this.running = null;
		}
	}

	@Override
	public synchronized void resume() {
		if (this.running == null && !this.closed) {
			this.running = this.starter.get();
		}
	}

	@Override
	public synchronized boolean isPaused() {
		return this.running == null && !this.closed;
	}

	@Override
	public Map<String, Object> describe() {
		Map<String, Object> description = new LinkedHashMap<>(this.description);
		description.put("paused", isPaused());
		return description;
	}

	@Override
	public synchronized void close() {
		this.closed = true;
		pause();
	}

}
