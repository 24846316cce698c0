package dev.switchboard.samples.echo;

import dev.switchboard.core.SwitchboardOperations;
import dev.switchboard.samples.support.Completion;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo role: the server (see {@link EchoServer}) and a client in one process, talking
 * over the real transport. Sends {@code --count} messages, prints each reply and exits.
 */
@Component
@Profile("demo")
class EchoDemo implements ApplicationRunner {

	private final SwitchboardOperations switchboard;

	private final Completion completion;

	private final String message;

	private final int count;

	EchoDemo(SwitchboardOperations switchboard, Completion completion,
			@Value("${message:Hello from Switchboard}") String message, @Value("${count:3}") int count) {
		this.switchboard = switchboard;
		this.completion = completion;
		this.message = message;
		this.count = count;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (int i = 1; i <= this.count; i++) {
			String reply = this.switchboard.request("echo", this.message + " #" + i, String.class);
			System.out.println("Reply: " + reply);
		}
		this.completion.exit(0);
	}

}
