package dev.switchboard.zmq;

import java.util.List;

import dev.switchboard.core.ChannelStatistics;

import org.zeromq.SocketType;

/**
 * Everything needed to open one socket for a channel, resolved from the binder's and the
 * channel's options.
 *
 * @param channel the channel name
 * @param type the socket type
 * @param bind whether to bind (else connect) the endpoints
 * @param endpoints the endpoints
 * @param sendHighWaterMark the send high-water mark
 * @param receiveHighWaterMark the receive high-water mark
 * @param maxMessageSize the largest frame a peer may send
 * @param subscriptions the prefixes a SUB socket subscribes to
 * @param statistics the channel's counters
 */
record SocketPlan(String channel, SocketType type, boolean bind, List<String> endpoints, int sendHighWaterMark,
		int receiveHighWaterMark, long maxMessageSize, List<byte[]> subscriptions, ChannelStatistics statistics) {

	/**
	 * Whether the socket type can receive; PUB and PUSH only send.
	 * @return {@code false} for PUB and PUSH
	 */
	boolean receives() {
		return this.type != SocketType.PUB && this.type != SocketType.PUSH;
	}

	/**
	 * How many connections a connecting socket can wait for a handshake on: inproc
	 * connections have none.
	 * @return the number of {@code tcp} and {@code ipc} endpoints when connecting, else 0
	 */
	int handshakes() {
		return this.bind ? 0 : (int) this.endpoints.stream().filter((endpoint) -> !endpoint.startsWith("inproc:")).count();
	}

}
