package dev.switchboard.benchmarks.switchboard;

import dev.switchboard.annotation.MessageListener;

/**
 * The receiving side of request-reply: the reply is the request.
 */
class EchoListener {

	@MessageListener(SwitchboardSubject.CHANNEL)
	byte[] echo(byte[] payload) {
		return payload;
	}

}
