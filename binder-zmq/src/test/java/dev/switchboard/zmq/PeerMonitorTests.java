package dev.switchboard.zmq;

import dev.switchboard.core.ChannelStatistics;
import org.junit.jupiter.api.Test;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;

class PeerMonitorTests {

	private final ChannelStatistics statistics = new ChannelStatistics();

	@Test
	void peerThatHandshakesAndLeavesIsNotRejected() {
		PeerMonitor monitor = new PeerMonitor("echo", this.statistics, 0);
		monitor.onEvent(ZMQ.EVENT_ACCEPTED, 1);
		monitor.onEvent(ZMQ.EVENT_HANDSHAKE_PROTOCOL, 3);
		monitor.onEvent(ZMQ.EVENT_DISCONNECTED, 2);
		assertThat(this.statistics.getRejectedPeers()).isZero();
	}

	@Test
	void peerThatLeavesBeforeAZmtpHandshakeIsRejected() {
		PeerMonitor monitor = new PeerMonitor("echo", this.statistics, 0);
		monitor.onEvent(ZMQ.EVENT_ACCEPTED, 1);
		monitor.onEvent(ZMQ.EVENT_HANDSHAKE_PROTOCOL, 0);
		monitor.onEvent(ZMQ.EVENT_DISCONNECTED, 2);
		assertThat(this.statistics.getRejectedPeers()).isOne();
	}

	@Test
	void failedHandshakeIsRejectedOnceDespiteTheDisconnectThatFollows() {
		PeerMonitor monitor = new PeerMonitor("echo", this.statistics, 0);
		monitor.onEvent(ZMQ.EVENT_ACCEPTED, 1);
		monitor.onEvent(ZMQ.EVENT_HANDSHAKE_PROTOCOL, 3);
		monitor.onEvent(zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL, 268435457);
		monitor.onEvent(ZMQ.EVENT_DISCONNECTED, 2);
		assertThat(this.statistics.getRejectedPeers()).isOne();
	}

	@Test
	void connectionsSettleOnHandshakeOrRefusal() {
		PeerMonitor monitor = new PeerMonitor("tasks", this.statistics, 2);
		monitor.onEvent(ZMQ.EVENT_HANDSHAKE_PROTOCOL, 3);
		assertThat(monitor.settled()).isNotDone();
		monitor.onEvent(ZMQ.EVENT_CONNECT_RETRIED, 100);
		assertThat(monitor.settled()).isDone();
	}

	@Test
	void nothingToWaitForIsSettledAtOnce() {
		assertThat(new PeerMonitor("tasks", this.statistics, 0).settled()).isDone();
	}

	@Test
	void connectionWithoutHandshakeIsReportedStalledAfterTheStallTime() {
		PeerMonitor monitor = new PeerMonitor("tasks", this.statistics, 1);
		monitor.onEvent(ZMQ.EVENT_CONNECTED, null);
		assertThat(monitor.awaitingHandshake()).isTrue();
		long now = System.nanoTime();
		assertThat(monitor.stalled(now)).as("not yet stalled at once").isFalse();
		assertThat(monitor.stalled(now + PeerMonitor.STALL_NANOS + 1)).isTrue();
		assertThat(monitor.stalled(now + PeerMonitor.STALL_NANOS + 2)).as("the clock restarts after a nudge").isFalse();
	}

	@Test
	void handshakeEndsTheWait() {
		PeerMonitor monitor = new PeerMonitor("tasks", this.statistics, 1);
		monitor.onEvent(ZMQ.EVENT_CONNECTED, null);
		monitor.onEvent(ZMQ.EVENT_HANDSHAKE_PROTOCOL, 3);
		assertThat(monitor.awaitingHandshake()).isFalse();
		assertThat(monitor.stalled(System.nanoTime() + 10 * PeerMonitor.STALL_NANOS)).isFalse();
		assertThat(monitor.settled()).isDone();
	}

	@Test
	void peerThatNeverHandshakesIsNudgedAFewTimesOnly() {
		PeerMonitor monitor = new PeerMonitor("tasks", this.statistics, 1);
		monitor.onEvent(ZMQ.EVENT_CONNECTED, null);
		long now = System.nanoTime();
		int nudges = 0;
		for (int i = 1; i <= 20; i++) {
			if (monitor.stalled(now + i * (PeerMonitor.STALL_NANOS + 1))) {
				nudges++;
			}
		}
		assertThat(nudges).isEqualTo(5);
		assertThat(monitor.awaitingHandshake()).as("no more short polls once nudging gave up").isFalse();
	}

}
