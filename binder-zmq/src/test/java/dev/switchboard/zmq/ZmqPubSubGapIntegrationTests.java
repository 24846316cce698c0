package dev.switchboard.zmq;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.switchboard.binder.InboundSpec;
import dev.switchboard.binder.OutboundBinding;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.Pattern;
import dev.switchboard.core.TopicFilter;
import dev.switchboard.core.WireMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A slow subscriber behind a small high-water mark and a fast publisher: what ZeroMQ drops
 * is counted from the gaps in the publisher's sequence numbers, exactly.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ZmqPubSubGapIntegrationTests {

	private static final Duration AWAIT = Duration.ofSeconds(20);

	private static final int BURST = 3000;

	private static final int MAX_BURSTS = 10;

	@Test
	void slowSubscriberCountsEveryMessageDroppedAtTheHighWaterMark() throws Exception {
		String name = "zmq-gaps-" + System.nanoTime();
		String endpoint = FreePorts.endpoint();
		ChannelSpec publisherSide = ChannelSpec.of(name, Pattern.PUB_SUB, ZmqBinder.TRANSPORT);
		ChannelSpec subscriberSide = ChannelSpec.of(name, Pattern.PUB_SUB, ZmqBinder.TRANSPORT);
		ZmqChannelOptions small = new ZmqChannelOptions(List.of(endpoint), null, ZmqFraming.ENVELOPE, 10, 10,
				null);
		ZmqBinder publisher = new ZmqBinder(ZmqBinderOptions.defaults(), (channel) -> small);
		ZmqBinder subscriber = new ZmqBinder(ZmqBinderOptions.defaults(), (channel) -> small);
		try {
			OutboundBinding out = publisher.bindOutbound(publisherSide);
			AtomicInteger probes = new AtomicInteger();
			AtomicLong data = new AtomicLong();
			AtomicInteger markers = new AtomicInteger();
			subscriber.bindInbound(subscriberSide, new InboundSpec(TopicFilter.all(), null, 1), (message) -> {
				String text = new String(message.payload(), StandardCharsets.UTF_8);
				if ("probe".equals(message.topic())) {
					probes.incrementAndGet();
					return null;
				}
				sleepMillis(1);
				data.incrementAndGet();
				if (text.equals("marker")) {
					markers.incrementAndGet();
				}
				return null;
			});
			await().atMost(AWAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
				out.send(WireMessage.of(bytes("probe")).withTopic("probe"));
				return probes.get() > 0;
			});
			long refusedBefore = publisherSide.statistics().getDropped();
			int sent = 0;
			// A loaded machine may let the subscriber keep up with one burst; burst again, up
			// to a bound, until one overruns its high-water mark. The accounting must hold
			// over all of them.
			for (int burst = 0; burst < MAX_BURSTS && subscriberSide.statistics().getDropped() == 0; burst++) {
				int markersBefore = markers.get();
				for (int i = 0; i < BURST; i++, sent++) {
					out.send(WireMessage.of(bytes("data " + sent)).withTopic("data"));
				}
				while (markers.get() == markersBefore) {
					out.send(WireMessage.of(bytes("marker")).withTopic("data"));
					sent++;
					Thread.sleep(50);
				}
			}
			long accepted = sent - (publisherSide.statistics().getDropped() - refusedBefore);
			await().atMost(AWAIT)
				.untilAsserted(() -> assertThat(data.get() + subscriberSide.statistics().getDropped())
					.as("received + counted as dropped = numbered by the publisher").isEqualTo(accepted));
			assertThat(subscriberSide.statistics().getDropped()).as("a burst overran the high-water mark")
				.isPositive();
		}
		finally {
			subscriber.close();
			publisher.close();
		}
	}

	private static void sleepMillis(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
