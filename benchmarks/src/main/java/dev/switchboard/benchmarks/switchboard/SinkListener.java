package dev.switchboard.benchmarks.switchboard;

import dev.switchboard.annotation.MessageListener;
import dev.switchboard.benchmarks.Probe;

/**
 * The receiving side of pipeline, pub-sub and pair: counts each message.
 */
class SinkListener {

	private final Probe probe;

	SinkListener(Probe probe) {
		this.probe = probe;
	}

	@MessageListener(SwitchboardSubject.CHANNEL)
	void onMessage(byte[] payload) {
		this.probe.received();
	}

}
