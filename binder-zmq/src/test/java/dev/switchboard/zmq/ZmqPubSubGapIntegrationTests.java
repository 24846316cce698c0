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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fast publisher and a subscriber behind small high-water marks: what ZeroMQ drops is
 * counted from the gaps in the publisher's sequence numbers, exactly, and the publisher
 * itself drops nothing while its socket's thread keeps up.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ZmqPubSubGapIntegrationTests {

	private static final Duration AWAIT = Duration.ofSeconds(20);

	private static final int BURST = 3000;

	private static final int MAX_BURSTS = 10;

	private final String name = "zmq-gaps-" + System.nanoTime();

	private final ChannelSpec publisherSide = ChannelSpec.of(this.name, Pattern.PUB_SUB, ZmqBinder.TRANSPORT);

	private final ChannelSpec subscriberSide = ChannelSpec.of(this.name, Pattern.PUB_SUB, ZmqBinder.TRANSPORT);

	private final ZmqChannelOptions small = new ZmqChannelOptions(List.of(FreePorts.endpoint()), null,
			ZmqFraming.ENVELOPE, 10, 10, null);

	private final ZmqBinder publisher = new ZmqBinder(ZmqBinderOptions.defaults(), (channel) -> this.small);

	private final ZmqBinder subscriber = new ZmqBinder(ZmqBinderOptions.defaults(), (channel) -> this.small);

	private final AtomicLong data = new AtomicLong();

	private final AtomicInteger markers = new AtomicInteger();

	@AfterEach
	void close() {
		this.subscriber.close();
		this.publisher.close();
	}

	@Test
	void slowSubscriberCountsEveryMessageDroppedAtTheHighWaterMark() throws Exception {
		OutboundBinding out = connect(1);
		long refusedBefore = this.publisherSide.statistics().getDropped();
		int sent = 0;
		// A loaded machine may let the subscriber keep up with one burst; burst again, up
		// to a bound, until one overruns its high-water mark. The accounting must hold
		// over all of them.
		for (int burst = 0; burst < MAX_BURSTS && this.subscriberSide.statistics().getDropped() == 0; burst++) {
			sent += burst(out, sent);
		}
		long accepted = sent - (this.publisherSide.statistics().getDropped() - refusedBefore);
		assertAccounted(accepted);
		assertThat(this.subscriberSide.statistics().getDropped()).as("a burst overran the high-water mark")
			.isPositive();
	}

	/**
	 * The publisher's queue holds ten messages; a burst of thousands fills it at once. The
	 * publisher waits for its socket's thread, which hands every message to the PUB, and
	 * only the PUB drops, per subscriber, where the subscriber sees and counts it.
	 */
	@Test
	void publisherFasterThanItsSocketThreadWaitsInsteadOfDropping() throws Exception {
		OutboundBinding out = connect(0);
		long refusedBefore = this.publisherSide.statistics().getDropped();
		int sent = burst(out, 0);
		assertThat(this.publisherSide.statistics().getDropped() - refusedBefore).as("dropped by the publisher")
			.isZero();
		assertAccounted(sent);
	}

	/**
	 * Subscribe with a handler that takes {@code millisPerMessage} per data message, and
	 * publish probes until the subscription has reached the publisher.
	 */
	private OutboundBinding connect(long millisPerMessage) {
		OutboundBinding out = this.publisher.bindOutbound(this.publisherSide);
		AtomicInteger probes = new AtomicInteger();
		this.subscriber.bindInbound(this.subscriberSide, new InboundSpec(TopicFilter.all(), null, 1), (message) -> {
			if ("probe".equals(message.topic())) {
				probes.incrementAndGet();
				return null;
			}
			sleepMillis(millisPerMessage);
			this.data.incrementAndGet();
			if (new String(message.payload(), StandardCharsets.UTF_8).equals("marker")) {
				this.markers.incrementAndGet();
			}
			return null;
		});
		await().atMost(AWAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
			out.send(WireMessage.of(bytes("probe")).withTopic("probe"));
			return probes.get() > 0;
		});
		return out;
	}

	/**
	 * Publish {@value #BURST} data messages, then markers until one arrives.
	 * @return how many messages were published
	 */
	private int burst(OutboundBinding out, int first) throws InterruptedException {
		int markersBefore = this.markers.get();
		int sent = 0;
		for (; sent < BURST; sent++) {
			out.send(WireMessage.of(bytes("data " + (first + sent))).withTopic("data"));
		}
		while (this.markers.get() == markersBefore) {
			out.send(WireMessage.of(bytes("marker")).withTopic("data"));
			sent++;
			Thread.sleep(50);
		}
		return sent;
	}

	private void assertAccounted(long accepted) {
		await().atMost(AWAIT)
			.untilAsserted(() -> assertThat(this.data.get() + this.subscriberSide.statistics().getDropped())
				.as("received + counted as dropped = numbered by the publisher")
				.isEqualTo(accepted));
	}

	private static void sleepMillis(long millis) {
		if (millis == 0) {
			return;
		}
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
