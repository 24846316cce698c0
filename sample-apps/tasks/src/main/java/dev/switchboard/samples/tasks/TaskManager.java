package dev.switchboard.samples.tasks;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.switchboard.core.SwitchboardOperations;
import dev.switchboard.samples.support.Completion;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The manager role: every {@code --interval} one task {@code <id> - <time>}, ids 1 to
 * {@code --count} (or on until stopped). A send returns once the transport has taken the
 * task, so the manager exits only after the last one is handed over.
 */
@Component
@Profile("manager")
class TaskManager {

	private static final Log logger = LogFactory.getLog(TaskManager.class);

	private final SwitchboardOperations switchboard;

	private final Completion completion;

	private final @Nullable Long count;

	private final AtomicLong ids = new AtomicLong();

	TaskManager(SwitchboardOperations switchboard, Completion completion,
			@Value("${count:#{null}}") @Nullable Long count) {
		this.switchboard = switchboard;
		this.completion = completion;
		this.count = count;
	}

	@Scheduled(fixedRateString = "${interval:1s}")
	void sendTask() {
		long id = this.ids.incrementAndGet();
		if (this.count != null && id > this.count) {
			return;
		}
		if (id == 1) {
			logger.info("Handing out " + ((this.count != null) ? this.count : "endless") + " tasks on channel 'tasks'");
		}
		String task = id + " - " + LocalTime.now().truncatedTo(ChronoUnit.MILLIS);
		this.switchboard.send("tasks", task);
		System.out.println("Sent: " + task);
		if (this.count != null && id == this.count) {
			this.completion.exit(0);
		}
	}

}
