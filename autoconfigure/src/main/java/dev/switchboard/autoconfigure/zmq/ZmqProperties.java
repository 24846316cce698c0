package dev.switchboard.autoconfigure.zmq;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings shared by every ZeroMQ channel; a channel may override the limits under
 * {@code switchboard.channels.<name>.zmq}.
 */
@ConfigurationProperties("switchboard.zmq")
public class ZmqProperties {

	/**
	 * Number of JeroMQ I/O threads; one handles well over a gigabit of traffic.
	 */
	private int ioThreads = 1;

	/**
	 * How long closing a socket may keep trying to deliver the messages it still queues.
	 */
	private Duration linger = Duration.ofSeconds(1);

	/**
	 * Outgoing messages a socket queues per peer, and messages a sender may queue for the
	 * socket's thread before it waits for room.
	 */
	private int sendHighWaterMark = 1000;

	/**
	 * Incoming messages a socket queues per peer.
	 */
	private int receiveHighWaterMark = 1000;

	/**
	 * Largest message a peer may send; a peer that sends a larger one is disconnected.
	 */
	private DataSize maxMessageSize = DataSize.ofMegabytes(1);

	/**
	 * How long a connecting channel waits at startup for the handshake with a peer that is
	 * already there.
	 */
	private Duration connectWait = Duration.ofSeconds(1);

	/**
	 * How long a connecting socket waits between attempts to reach its peer.
	 */
	private Duration reconnectInterval = Duration.ofMillis(100);

	/**
	 * How long closing a listener waits for the messages its handlers are working on, whose
	 * replies are sent before the socket closes; a handler still busy then is abandoned.
	 */
	private Duration shutdownTimeout = Duration.ofSeconds(5);

	public int getIoThreads() {
		return this.ioThreads;
	}

	public void setIoThreads(int ioThreads) {
		this.ioThreads = ioThreads;
	}

	public Duration getLinger() {
		return this.linger;
	}

	public void setLinger(Duration linger) {
		this.linger = linger;
	}

	public int getSendHighWaterMark() {
		return this.sendHighWaterMark;
	}

	public void setSendHighWaterMark(int sendHighWaterMark) {
		this.sendHighWaterMark = sendHighWaterMark;
	}

	public int getReceiveHighWaterMark() {
		return this.receiveHighWaterMark;
	}

	public void setReceiveHighWaterMark(int receiveHighWaterMark) {
		this.receiveHighWaterMark = receiveHighWaterMark;
	}

	public DataSize getMaxMessageSize() {
		return this.maxMessageSize;
	}

	public void setMaxMessageSize(DataSize maxMessageSize) {
		this.maxMessageSize = maxMessageSize;
	}

	public Duration getConnectWait() {
		return this.connectWait;
	}

	public void setConnectWait(Duration connectWait) {
		this.connectWait = connectWait;
	}

	public Duration getReconnectInterval() {
		return this.reconnectInterval;
	}

	public void setReconnectInterval(Duration reconnectInterval) {
		this.reconnectInterval = reconnectInterval;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

}
