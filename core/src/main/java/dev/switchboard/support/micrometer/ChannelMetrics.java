package dev.switchboard.support.micrometer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import dev.switchboard.core.ChannelRegistry;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.ChannelStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.jspecify.annotations.Nullable;

/**
 * Counters over each channel's {@link ChannelStatistics}: the meter reads the counts the
 * channel keeps anyway, so nothing is counted twice on the hot path. What happened to
 * messages is one counter, {@value SwitchboardMeters#MESSAGES}, with an {@code outcome}
 * tag; timed-out requests and rejected peers, which are not message outcomes, have
 * counters of their own. Every counter is tagged with channel, pattern and transport (see
 * {@link SwitchboardMeters#tags}).
 */
public class ChannelMetrics implements MeterBinder {

	private static final Map<String, ToDoubleFunction<ChannelStatistics>> OUTCOMES = outcomes();

	private final ChannelRegistry channels;

	/**
	 * Create counters for the channels of a registry, registered by {@link #bindTo}.
	 * @param channels the channels, each with its statistics
	 */
	public ChannelMetrics(ChannelRegistry channels) {
		this.channels = channels;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (ChannelSpec channel : this.channels.getAll()) {
			OUTCOMES.forEach((outcome, count) -> counter(registry, channel, SwitchboardMeters.MESSAGES,
					SwitchboardMeters.MESSAGES_DESCRIPTION, count, outcome));
			counter(registry, channel, SwitchboardMeters.REQUESTS_TIMED_OUT, "Requests that got no reply in time",
					ChannelStatistics::getTimedOut, null);
			counter(registry, channel, SwitchboardMeters.PEERS_REJECTED,
					"Peers disconnected for not speaking the protocol", ChannelStatistics::getRejectedPeers, null);
		}
	}

	private static void counter(MeterRegistry registry, ChannelSpec channel, String name, String description,
			ToDoubleFunction<ChannelStatistics> count, @Nullable String outcome) {
		FunctionCounter.Builder<ChannelStatistics> builder = FunctionCounter.builder(name, channel.statistics(), count)
			.description(description)
			.tags(SwitchboardMeters.tags(channel));
		if (outcome != null) {
			builder.tag(SwitchboardMeters.OUTCOME, outcome);
		}
		builder.register(registry);
	}

	private static Map<String, ToDoubleFunction<ChannelStatistics>> outcomes() {
		Map<String, ToDoubleFunction<ChannelStatistics>> outcomes = new LinkedHashMap<>();
		outcomes.put(SwitchboardMeters.SENT, ChannelStatistics::getSent);
		outcomes.put(SwitchboardMeters.RECEIVED, ChannelStatistics::getReceived);
		outcomes.put(SwitchboardMeters.FAILED, ChannelStatistics::getFailed);
		outcomes.put(SwitchboardMeters.RETRIED, ChannelStatistics::getRetried);
		outcomes.put(SwitchboardMeters.DEAD_LETTERED, ChannelStatistics::getDeadLettered);
		outcomes.put(SwitchboardMeters.MALFORMED, ChannelStatistics::getMalformed);
		outcomes.put(SwitchboardMeters.DROPPED, ChannelStatistics::getDropped);
		return outcomes;
	}

}
