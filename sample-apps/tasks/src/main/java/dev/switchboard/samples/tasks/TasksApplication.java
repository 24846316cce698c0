package dev.switchboard.samples.tasks;

import java.util.Set;

import dev.switchboard.samples.support.Completion;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the tasks sample in the role given by {@code --role}, which is also the active
 * Spring profile. A manager with {@code --count} exits once every task is handed over;
 * workers run until stopped.
 */
@SpringBootApplication
@Import(Completion.class)
@EnableScheduling
public class TasksApplication {

	private static final Set<String> ROLES = Set.of("manager", "worker");

	TasksApplication(@Value("${role:}") String role) {
		if (!ROLES.contains(role)) {
			throw new IllegalArgumentException("Unknown role '" + role
					+ "': run with --role=manager [--interval=1s] [--count=N] or --role=worker");
		}
	}

	public static void main(String[] args) throws Exception {
		Completion.run(TasksApplication.class, args);
	}

}
