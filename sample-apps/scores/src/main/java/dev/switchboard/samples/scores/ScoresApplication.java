package dev.switchboard.samples.scores;

import java.util.Set;

import dev.switchboard.samples.support.Completion;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the scores sample in the role given by {@code --role}, which is also the active
 * Spring profile. With {@code --count} a role exits once done; without, it runs until
 * stopped.
 */
@SpringBootApplication
@Import(Completion.class)
@EnableScheduling
public class ScoresApplication {

	private static final Set<String> ROLES = Set.of("publisher", "subscriber");

	ScoresApplication(@Value("${role:}") String role) {
		if (!ROLES.contains(role)) {
			throw new IllegalArgumentException("Unknown role '" + role
					+ "': run with --role=publisher [--interval=1s] [--count=N] or --role=subscriber [--topic=1] [--count=N]");
		}
	}

	public static void main(String[] args) throws Exception {
		Completion.run(ScoresApplication.class, args);
	}

}
