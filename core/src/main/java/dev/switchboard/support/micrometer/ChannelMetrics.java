package dev.switchboard.support.micrometer;

import java.util.function.ToDoubleFunction;

import dev.switchboard.core.ChannelRegistry;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.ChannelStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Counters over each channel's {@link ChannelStatistics}: the meter reads the counts the
 * channel keeps anyway, so nothing is counted twice on the hot path. Every counter is
 * tagged with channel, pattern and transport (see {@link SwitchboardMeters#tags}).
 */
public class ChannelMetrics implements MeterBinder {

	private final ChannelRegistry channels;

	public ChannelMetrics(ChannelRegistry channels) {
		this.channels = channels;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (ChannelSpec channel : this.channels.getAll()) {
			counter(registry, channel, "messages.sent", "Messages handed to the transport", ChannelStatistics::getSent);
			counter(registry, channel, "messages.received", "Messages delivered to a listener",
					ChannelStatistics::getReceived);
			counter(registry, channel, "messages.failed", "Messages whose listener threw", ChannelStatistics::getFailed);
			counter(registry, channel, "messages.retried", "Further attempts at messages whose listener threw",
					ChannelStatistics::getRetried);
			counter(registry, channel, "messages.dead.lettered", "Messages handed to the dead-letter path",
					ChannelStatistics::getDeadLettered);
			counter(registry, channel, "messages.malformed",
					"Messages that could not be decoded: malformed frame, unknown content type, undecodable payload",
					ChannelStatistics::getMalformed);
			counter(registry, channel, "messages.dropped",
					"Messages the transport dropped: past a high-water mark, a late reply, nobody to take it",
					ChannelStatistics::getDropped);
			counter(registry, channel, "requests.timed.out", "Requests that got no reply in time",
					ChannelStatistics::getTimedOut);
			counter(registry, channel, "peers.rejected", "Peers disconnected for not speaking the protocol",
					ChannelStatistics::getRejectedPeers);
		}
	}

	private static void counter(MeterRegistry registry, ChannelSpec channel, String name, String description,
			ToDoubleFunction<ChannelStatistics> count) {
		FunctionCounter.builder(SwitchboardMeters.PREFIX + "." + name, channel.statistics(), count)
			.description(description)
			.tags(SwitchboardMeters.tags(channel))
			.register(registry);
	}

}
