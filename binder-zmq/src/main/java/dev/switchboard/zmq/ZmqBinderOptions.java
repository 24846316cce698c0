package dev.switchboard.zmq;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * Settings shared by every ZeroMQ channel of one binder.
 *
 * @param ioThreads the number of JeroMQ I/O threads in the context
 * @param linger how long closing a socket may keep trying to deliver queued messages
 * @param sendHighWaterMark how many outgoing messages a socket queues per peer before it
 * drops (PUB) or holds back (every other socket type) further ones
 * @param receiveHighWaterMark how many incoming messages a socket queues per peer
 * @param maxMessageSize the largest frame in bytes a peer may send; a peer sending a larger
 * one is disconnected
 * @param connectWait how long a connecting binding waits for the handshake with a peer that
 * is there before returning anyway
 * @param reconnectInterval how long a connecting socket waits between attempts
 * @param shutdownTimeout how long closing a listener waits for the messages its handlers
 * are working on; their replies are sent before the socket closes
 */
public record ZmqBinderOptions(int ioThreads, Duration linger, int sendHighWaterMark, int receiveHighWaterMark,
		long maxMessageSize, Duration connectWait, Duration reconnectInterval, Duration shutdownTimeout) {

	/**
	 * The default {@link #shutdownTimeout()}.
	 */
	public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

	private static final ZmqBinderOptions DEFAULTS = new ZmqBinderOptions(1, Duration.ofSeconds(1), 1000, 1000,
			1024 * 1024, Duration.ofSeconds(1), Duration.ofMillis(100), DEFAULT_SHUTDOWN_TIMEOUT);

	public ZmqBinderOptions {
		Assert.isTrue(ioThreads > 0, "ZeroMQ ioThreads must be at least 1");
		Assert.isTrue(!linger.isNegative(), "ZeroMQ linger must not be negative");
		Assert.isTrue(sendHighWaterMark > 0, "ZeroMQ sendHighWaterMark must be at least 1");
		Assert.isTrue(receiveHighWaterMark > 0, "ZeroMQ receiveHighWaterMark must be at least 1");
		Assert.isTrue(maxMessageSize > 0, "ZeroMQ maxMessageSize must be positive");
		Assert.isTrue(!connectWait.isNegative(), "ZeroMQ connectWait must not be negative");
		Assert.isTrue(!reconnectInterval.isNegative() && !reconnectInterval.isZero(),
				"ZeroMQ reconnectInterval must be positive");
		Assert.isTrue(!shutdownTimeout.isNegative(), "ZeroMQ shutdownTimeout must not be negative");
	}

	/**
	 * Options with the default shutdown timeout.
	 * @param ioThreads the number of JeroMQ I/O threads in the context
	 * @param linger how long closing a socket may keep trying to deliver queued messages
	 * @param sendHighWaterMark outgoing messages queued per peer
	 * @param receiveHighWaterMark incoming messages queued per peer
	 * @param maxMessageSize the largest frame in bytes a peer may send
	 * @param connectWait how long a connecting binding waits for the handshake
	 * @param reconnectInterval how long a connecting socket waits between attempts
	 */
	public ZmqBinderOptions(int ioThreads, Duration linger, int sendHighWaterMark, int receiveHighWaterMark,
			long maxMessageSize, Duration connectWait, Duration reconnectInterval) {
		this(ioThreads, linger, sendHighWaterMark, receiveHighWaterMark, maxMessageSize, connectWait,
				reconnectInterval, DEFAULT_SHUTDOWN_TIMEOUT);
	}

	/**
	 * A copy with another shutdown timeout.
	 * @param shutdownTimeout how long closing a listener waits for its handlers
	 * @return the copy
	 */
	public ZmqBinderOptions withShutdownTimeout(Duration shutdownTimeout) {
		return new ZmqBinderOptions(this.ioThreads, this.linger, this.sendHighWaterMark, this.receiveHighWaterMark,
				this.maxMessageSize, this.connectWait, this.reconnectInterval, shutdownTimeout);
	}

	/**
	 * The defaults: one I/O thread, 1 s linger, high-water marks of 1000, 1 MiB frames,
	 * 1 s connect wait, 100 ms reconnect interval and 5 s shutdown timeout.
	 * @return the default options
	 */
	public static ZmqBinderOptions defaults() {
		return DEFAULTS;
	}

}
