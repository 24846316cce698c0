package dev.switchboard.samples.scores;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.switchboard.core.SwitchboardOperations;
import dev.switchboard.samples.support.Completion;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The publisher role: every {@code --interval} a round of two updates, one on topic
 * {@code 1} and one on topic {@code 2}; {@code --count} rounds, or until stopped.
 */
@Component
@Profile("publisher")
class ScoresPublisher {

	private static final String[] TOPICS = { "1", "2" };

	private final SwitchboardOperations switchboard;

	private final Completion completion;

	private final @Nullable Long count;

	private final AtomicLong rounds = new AtomicLong();

	ScoresPublisher(SwitchboardOperations switchboard, Completion completion,
			@Value("${count:#{null}}") @Nullable Long count) {
		this.switchboard = switchboard;
		this.completion = completion;
		this.count = count;
	}

	@Scheduled(fixedRateString = "${interval:1s}")
	void publishRound() {
		long id = this.rounds.incrementAndGet();
		if (this.count != null && id > this.count) {
			return;
		}
		LocalTime time = LocalTime.now().truncatedTo(ChronoUnit.MILLIS);
		for (String topic : TOPICS) {
			// Raw ZeroMQ framing has no topic frame: the line itself starts with its topic.
			String update = topic + "-Update! >> #" + id + " >> " + time;
			this.switchboard.publish("scores", topic, update);
			System.out.println("Published: " + update);
		}
		if (this.count != null && id == this.count) {
			this.completion.exit(0);
		}
	}

}
