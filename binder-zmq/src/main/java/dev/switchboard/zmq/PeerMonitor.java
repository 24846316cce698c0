package dev.switchboard.zmq;

import java.util.concurrent.CompletableFuture;

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

	static final int EVENTS = ZMQ.EVENT_ACCEPTED | ZMQ.EVENT_DISCONNECTED | ZMQ.EVENT_HANDSHAKE_PROTOCOL
			| ZMQ.EVENT_CONNECT_RETRIED | zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL
			| zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL | zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_FAILED_AUTH;

	private static final Log logger = LogFactory.getLog(PeerMonitor.class);

	private final String channel;

	private final ChannelStatistics statistics;

	private final CompletableFuture<Void> settled = new CompletableFuture<>();

	private int unsettledConnections;

	private int pendingPeers;

	private int failedPeers;

	private boolean rejectionLogged;

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
			case ZMQ.EVENT_HANDSHAKE_PROTOCOL -> onHandshake(value);
			case ZMQ.EVENT_CONNECT_RETRIED -> settleOne();
			case ZMQ.EVENT_DISCONNECTED -> onDisconnect();
			case zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL, zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL,
					zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_FAILED_AUTH -> onHandshakeFailed();
			default -> {
			}
		}
	}

	private void onHandshake(Object value) {
		boolean zmtp2OrLater = (value instanceof Integer version) && version > 0;
		if (!zmtp2OrLater) {
			return;
		}
		if (this.pendingPeers > 0) {
			this.pendingPeers--;
		}
		else {
			settleOne();
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
