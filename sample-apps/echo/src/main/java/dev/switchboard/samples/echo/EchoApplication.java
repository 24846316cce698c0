package dev.switchboard.samples.echo;

import java.util.Set;

import dev.switchboard.samples.support.Completion;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * Runs the echo sample in the role given by {@code --role}, which is also the active Spring
 * profile. A server runs until stopped; a client or the demo exits once done.
 */
@SpringBootApplication
@Import(Completion.class)
public class EchoApplication {

	private static final Set<String> ROLES = Set.of("server", "client", "demo");

	EchoApplication(@Value("${role:}") String role) {
		if (!ROLES.contains(role)) {
			throw new IllegalArgumentException("Unknown role '" + role
					+ "': run with --role=server, --role=client --message=<text> or --role=demo");
		}
	}

	public static void main(String[] args) throws Exception {
		Completion.run(EchoApplication.class, args);
	}

}
