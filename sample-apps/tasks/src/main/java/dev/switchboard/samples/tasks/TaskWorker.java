package dev.switchboard.samples.tasks;

import dev.switchboard.annotation.MessageListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The worker role: takes its share of the tasks and prints each one.
 */
@Component
@Profile("worker")
class TaskWorker {

	private static final Log logger = LogFactory.getLog(TaskWorker.class);

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		logger.info("Worker ready for tasks on channel 'tasks'");
	}

	@MessageListener("tasks")
	void work(String task) {
		System.out.println("Received: " + task);
	}

}
