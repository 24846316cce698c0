package dev.switchboard.samples.pair;

import java.util.Set;

import dev.switchboard.samples.support.Completion;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs one end of the pair sample, given by {@code --role}, which is also the active Spring
 * profile and so decides whether this end binds or connects. With {@code --count} it exits
 * after that many messages from its peer; without, it runs until stopped.
 */
@SpringBootApplication
@Import(Completion.class)
@EnableScheduling
public class PairApplication {

	private static final Set<String> ROLES = Set.of("bind", "connect");

	PairApplication(@Value("${role:}") String role) {
		if (!ROLES.contains(role)) {
			throw new IllegalArgumentException("Unknown role '" + role
					+ "': run with --role=bind or --role=connect, and --message=<text> [--interval=1s] [--count=N]");
		}
	}

	public static void main(String[] args) throws Exception {
		Completion.run(PairApplication.class, args);
	}

}
