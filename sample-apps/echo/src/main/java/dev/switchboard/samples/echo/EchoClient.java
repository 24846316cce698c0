package dev.switchboard.samples.echo;

import dev.switchboard.RequestTimeoutException;
import dev.switchboard.core.SwitchboardOperations;
import dev.switchboard.samples.support.Completion;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The client role: sends {@code --message} once and prints the reply, alone, on standard
 * output. No reply within the channel's request timeout is an error exit.
 */
@Component
@Profile("client")
class EchoClient implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(EchoClient.class);

	private final SwitchboardOperations switchboard;

	private final Completion completion;

	private final String message;

	EchoClient(SwitchboardOperations switchboard, Completion completion, @Value("${message:}") String message) {
		if (message.isEmpty()) {
			throw new IllegalArgumentException("The client needs something to send: add --message=<text>");
		}
		this.switchboard = switchboard;
		this.completion = completion;
		this.message = message;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			System.out.println(this.switchboard.request("echo", this.message, String.class));
			this.completion.exit(0);
		}
		catch (RequestTimeoutException ex) {
			logger.error("Timed out waiting for the echo server. " + ex.getMessage());
			this.completion.exit(2);
		}
	}

}
