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
 */
public record ZmqBinderOptions(int ioThreads, Duration linger, int sendHighWaterMark, int receiveHighWaterMark,
		long maxMessageSize, Duration connectWait, Duration reconnectInterval) {

	private static final ZmqBinderOptions DEFAULTS = new ZmqBinderOptions(1, Duration.ofSeconds(1), 1000, 1000,
			1024 * 1024, Duration.ofSeconds(1), Duration.ofMillis(100));

	public ZmqBinderOptions {
		Assert.isTrue(ioThreads > 0, "ZeroMQ ioThreads must be at least 1");
		Assert.isTrue(!linger.isNegative(), "ZeroMQ linger must not be negative");
		Assert.isTrue(sendHighWaterMark > 0, "ZeroMQ sendHighWaterMark must be at least 1");
		Assert.isTrue(receiveHighWaterMark > 0, "ZeroMQ receiveHighWaterMark must be at least 1");
		Assert.isTrue(maxMessageSize > 0, "ZeroMQ maxMessageSize must be positive");
		Assert.isTrue(!connectWait.isNegative(), "ZeroMQ connectWait must not be negative");
		Assert.isTrue(!reconnectInterval.isNegative() && !reconnectInterval.isZero(),
				"ZeroMQ reconnectInterval must be positive");
	}

	/**
	 * The defaults: one I/O thread, 1 s linger, high-water marks of 1000, 1 MiB frames,
	 * 1 s connect wait and 100 ms reconnect interval.
	 * @return the default options
	 */
	public static ZmqBinderOptions defaults() {
		return DEFAULTS;
	}

}
