package dev.switchboard.samples.tasks;

import dev.switchboard.annotation.MessageListener;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The worker role: takes its share of the tasks and prints each one.
 */
@Component
@Profile("worker")
class TaskWorker {

	@MessageListener("tasks")
	void work(String task) {
		System.out.println("Received: " + task);
	}

}
