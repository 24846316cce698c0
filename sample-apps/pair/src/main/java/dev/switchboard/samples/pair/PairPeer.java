package dev.switchboard.samples.pair;

import java.util.concurrent.atomic.AtomicLong;

import dev.switchboard.annotation.MessageListener;
import dev.switchboard.core.SwitchboardOperations;
import dev.switchboard.samples.support.Completion;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Either end of the pair: sends {@code --message} to the peer every {@code --interval} and
 * prints every line the peer sends. With {@code --count} it exits once it has received that
 * many lines and sent its own that many times, so an end counting to the same number on
 * the other side gets there too.
 */
@Component
@Profile({ "bind", "connect" })
class PairPeer {

	private final SwitchboardOperations switchboard;

	private final Completion completion;

	private final String message;

	private final @Nullable Long count;

	private final AtomicLong sent = new AtomicLong();

	private final AtomicLong received = new AtomicLong();

	PairPeer(SwitchboardOperations switchboard, Completion completion, @Value("${message:}") String message,
			@Value("${count:#{null}}") @Nullable Long count) {
		if (message.isEmpty()) {
			throw new IllegalArgumentException("A pair peer needs something to say: add --message=<text>");
		}
		this.switchboard = switchboard;
		this.completion = completion;
		this.message = message;
		this.count = count;
	}

	@Scheduled(fixedRateString = "${interval:1s}")
	void sendMessage() {
		this.switchboard.send("pair", this.message);
		this.sent.incrementAndGet();
		exitIfDone();
	}

	@MessageListener("pair")
	void onMessage(String line) {
		long n = this.received.incrementAndGet();
		if (this.count == null || n <= this.count) {
			System.out.println(line);
		}
		exitIfDone();
	}

	private void exitIfDone() {
		if (this.count != null && this.received.get() >= this.count && this.sent.get() >= this.count) {
			this.completion.exit(0);
		}
	}

}
