package dev.switchboard.samples.tasks;

import java.time.Duration;

import dev.switchboard.annotation.MessageListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The worker role: takes its share of the tasks and prints each one, after
 * {@code --work-time} (none by default) to stand for real work.
 */
@Component
@Profile("worker")
class TaskWorker {

	private static final Log logger = LogFactory.getLog(TaskWorker.class);

	private final Duration workTime;

	TaskWorker(@Value("${work-time:0ms}") Duration workTime) {
		this.workTime = workTime;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		logger.info("Worker ready for tasks on channel 'tasks'");
	}

	@MessageListener("tasks")
	void work(String task) throws InterruptedException {
		if (!this.workTime.isZero()) {
			Thread.sleep(this.workTime.toMillis());
		}
		System.out.println("Received: " + task);
	}

}
