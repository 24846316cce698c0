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

}
