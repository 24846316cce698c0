package dev.switchboard.samples.scores;

import java.util.concurrent.atomic.AtomicLong;

import dev.switchboard.annotation.MessageListener;
import dev.switchboard.samples.support.Completion;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The subscriber role: prints every update on {@code --topic} (default {@code 1});
 * exits after {@code --count} updates, or runs until stopped.
 */
@Component
@Profile("subscriber")
class ScoresSubscriber {

	private final Completion completion;

	private final @Nullable Long count;

	private final AtomicLong received = new AtomicLong();

	ScoresSubscriber(Completion completion, @Value("${count:#{null}}") @Nullable Long count) {
		this.completion = completion;
		this.count = count;
	}

	@MessageListener(channel = "scores", topic = "${topic:1}")
	void onUpdate(String update) {
		long n = this.received.incrementAndGet();
		if (this.count == null || n <= this.count) {
			System.out.println(update);
		}
		if (this.count != null && n == this.count) {
			this.completion.exit(0);
		}
	}

}
