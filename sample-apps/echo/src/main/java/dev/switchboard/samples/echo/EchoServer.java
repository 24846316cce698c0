package dev.switchboard.samples.echo;

import dev.switchboard.annotation.MessageListener;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The server role: answers every request on the {@code echo} channel.
 */
@Component
@Profile({ "server", "demo" })
class EchoServer {

	@MessageListener("echo")
	String echo(String message) {
		System.out.println("Received request: " + message);
		return "Echo: " + message;
	}

}
