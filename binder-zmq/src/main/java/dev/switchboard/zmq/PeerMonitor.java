package dev.switchboard.zmq;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.switchboard.core.ChannelStatistics;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.zeromq.ZMQ;

/**
 * Reads a socket's monitor events on its I/O thread for two things: counting peers JeroMQ
 * rejected, and telling a connecting binding when its connections have settled.
 *
 * <p>JeroMQ's events carry no connection identity, so rejections are counted from the
 * order of events: a connection accepted and then disconnected before completing a ZMTP
 * 2.0+ handshake (or one whose handshake failed) was a peer that did not speak ZeroMQ.
 * Anything that is not a ZMTP greeting falls back to ZMTP 1.0 in JeroMQ, which reports a
 * "handshake" with version 0, so such handshakes do not count as established.
 */
final class PeerMonitor {

	static final int EVENTS = ZMQ.EVENT_ACCEPTED | ZMQ.EVENT_CONNECTED | ZMQ.EVENT_DISCONNECTED | ZMQ.EVENT_HANDSHAKE_PROTOCOL
			| ZMQ.EVENT_CONNECT_RETRIED | zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL
			| zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL | zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_FAILED_AUTH;

	/**
	 * How long an outgoing connection may wait for its handshake on loopback-fast networks
	 * before the I/O threads are nudged; a nudge is cheap, a stalled connection is not.
	 */
	static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

	private static final int MAX_NUDGES = 5;

	private static final Log logger = LogFactory.getLog(PeerMonitor.class);

	private final String channel;

	private final ChannelStatistics statistics;

	private final CompletableFuture<Void> settled = new CompletableFuture<>();

	private int unsettledConnections;

	private int pendingPeers;

	private int failedPeers;

	private boolean rejectionLogged;

	private int awaitingHandshake;

	private long awaitingSinceNanos;

	private int nudges;

	private volatile int connectedPeers;

	/**
	 * Create a monitor.
	 * @param channel the channel, for logs
	 * @param statistics where to count rejected peers
	 * @param connections how many outgoing connections must settle (handshake, or refused)
	 * before {@link #settled()} completes
	 */
	PeerMonitor(String channel, ChannelStatistics statistics, int connections) {
		this.channel = channel;
		this.statistics = statistics;
		this.unsettledConnections = connections;
		if (connections == 0) {
			this.settled.complete(null);
		}
	}

	/**
	 * Completes once every outgoing connection has either finished its handshake or been
	 * refused (nobody there to wait for).
	 * @return the future
	 */
	CompletableFuture<Void> settled() {
		return this.settled;
	}

	/**
	 * Account for one event.
	 * @param event the event type ({@code ZMQ.EVENT_...})
	 * @param value the event's value: the ZMTP version for a handshake
	 */
	void onEvent(int event, Object value) {
		switch (event) {
			case ZMQ.EVENT_ACCEPTED -> this.pendingPeers++;
			case ZMQ.EVENT_CONNECTED -> onConnected();
			case ZMQ.EVENT_HANDSHAKE_PROTOCOL -> onHandshake(value);
			case ZMQ.EVENT_CONNECT_RETRIED -> settleOne();
			case ZMQ.EVENT_DISCONNECTED -> onDisconnect();
			case zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL, zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL,
					zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_FAILED_AUTH -> onHandshakeFailed();
			default -> {
			}
		}
	}

	/**
	 * How many peers have completed a ZeroMQ handshake and not disconnected since; read from
	 * any thread, for health and the actuator endpoint.
	 * @return the number of connected peers
	 */
	int connectedPeers() {
		return this.connectedPeers;
	}

	private void onHandshake(Object value) {
		boolean zmtp2OrLater = (value instanceof Integer version) && version > 0;
		if (!zmtp2OrLater) {
			return;
		}
		this.connectedPeers++;
		if (this.pendingPeers > 0) {
			this.pendingPeers--;
		}
		else {
			handshakeDone();
			settleOne();
		}
	}

	/**
	 * Whether an outgoing connection is waiting for its handshake, so the I/O thread should
	 * not sleep longer than {@link #STALL_NANOS} before calling {@link #stalled(long)}.
	 * @return {@code true} while a handshake is outstanding and may still be nudged
	 */
	boolean awaitingHandshake() {
		return this.awaitingHandshake > 0 && this.nudges < MAX_NUDGES;
	}

	/**
	 * Whether an outgoing connection has waited so long for its handshake that JeroMQ's
	 * I/O thread has probably lost track of it (see {@link IoThreadNudge}); each {@code true}
	 * restarts the clock, and a connection is nudged at most {@value #MAX_NUDGES} times (a
	 * peer that is not ZeroMQ at all never completes a handshake).
	 * @param nowNanos the current {@link System#nanoTime()}
	 * @return {@code true} if the caller should nudge the I/O threads now
	 */
	boolean stalled(long nowNanos) {
		if (!awaitingHandshake() || nowNanos - this.awaitingSinceNanos < STALL_NANOS) {
			return false;
		}
		this.awaitingSinceNanos = nowNanos;
		this.nudges++;
		return true;
	}

	private void onConnected() {
		if (this.awaitingHandshake++ == 0) {
			this.awaitingSinceNanos = System.nanoTime();
			this.nudges = 0;
		}
	}

	private void handshakeDone() {
		if (this.awaitingHandshake > 0) {
			this.awaitingHandshake--;
			this.awaitingSinceNanos = System.nanoTime();
		}
	}

	private void onHandshakeFailed() {
		if (this.pendingPeers > 0) {
			this.pendingPeers--;
			this.failedPeers++;
		}
		reject();
	}

	private void onDisconnect() {
		if (this.pendingPeers == 0 && this.failedPeers == 0) {
			handshakeDone();
			if (this.connectedPeers > 0) {
				this.connectedPeers--;
			}
		}
		if (this.failedPeers > 0) {
			this.failedPeers--;
		}
		else if (this.pendingPeers > 0) {
			this.pendingPeers--;
			reject();
		}
	}

	private void settleOne() {
		if (this.unsettledConnections > 0 && --this.unsettledConnections == 0) {
			this.settled.complete(null);
		}
	}

	private void reject() {
		this.statistics.rejectedPeer();
		if (!this.rejectionLogged) {
			this.rejectionLogged = true;
			logger.warn("Channel '" + this.channel + "': disconnected a peer that did not speak ZeroMQ (bad greeting, "
					+ "failed handshake or oversized frame); further rejections are only counted");
		}
	}

}
