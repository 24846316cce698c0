package dev.switchboard.zmq;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The ZeroMQ settings of one channel; {@code null} fields fall back to the role's default or
 * the binder-wide {@link ZmqBinderOptions}.
 *
 * @param endpoints where the channel's sockets bind or connect ({@code tcp://}, {@code ipc://},
 * {@code inproc://}); a {@code tcp} port of {@code *} or {@code 0} binds any free port
 * @param bind whether this side binds ({@code true}) or connects ({@code false}); {@code null}
 * picks the default of the socket's role (see {@code docs/zmq.md})
 * @param framing how messages are laid out in frames
 * @param sendHighWaterMark overrides {@link ZmqBinderOptions#sendHighWaterMark()}
 * @param receiveHighWaterMark overrides {@link ZmqBinderOptions#receiveHighWaterMark()}
 * @param maxMessageSize overrides {@link ZmqBinderOptions#maxMessageSize()}
 * @param requestRetries how many times a request-reply caller sends a request again when no
 * reply came within its share of the request timeout (Lazy Pirate); {@code 0} sends once.
 * The request timeout stays the total deadline, split evenly between the attempts
 */
public record ZmqChannelOptions(List<String> endpoints, @Nullable Boolean bind, ZmqFraming framing,
		@Nullable Integer sendHighWaterMark, @Nullable Integer receiveHighWaterMark, @Nullable Long maxMessageSize,
		int requestRetries) {

	private static final ZmqChannelOptions NONE = new ZmqChannelOptions(List.of(), null, ZmqFraming.ENVELOPE, null,
			null, null);

	public ZmqChannelOptions {
		endpoints = List.copyOf(endpoints);
		Assert.isTrue(requestRetries >= 0, () -> "ZeroMQ requestRetries must not be negative, was " + requestRetries);
	}

	/**
	 * Settings whose callers send each request once.
	 * @param endpoints where the channel's sockets bind or connect
	 * @param bind whether this side binds, or {@code null} for the role's default
	 * @param framing how messages are laid out in frames
	 * @param sendHighWaterMark overrides the binder's send high-water mark
	 * @param receiveHighWaterMark overrides the binder's receive high-water mark
	 * @param maxMessageSize overrides the binder's largest frame
	 */
	public ZmqChannelOptions(List<String> endpoints, @Nullable Boolean bind, ZmqFraming framing,
			@Nullable Integer sendHighWaterMark, @Nullable Integer receiveHighWaterMark,
			@Nullable Long maxMessageSize) {
		this(endpoints, bind, framing, sendHighWaterMark, receiveHighWaterMark, maxMessageSize, 0);
	}

	/**
	 * Settings with nothing configured; binding a channel with them fails, naming the
	 * property to set.
	 * @return the empty settings
	 */
	public static ZmqChannelOptions none() {
		return NONE;
	}

	/**
	 * Envelope-framed settings with the role's default bind or connect.
	 * @param endpoints the endpoints
	 * @return the settings
	 */
	public static ZmqChannelOptions of(String... endpoints) {
		return new ZmqChannelOptions(List.of(endpoints), null, ZmqFraming.ENVELOPE, null, null, null);
	}

	/**
	 * A copy that binds or connects as given.
	 * @param bind {@code true} to bind, {@code false} to connect, {@code null} for the default
	 * @return the copy
	 */
	public ZmqChannelOptions withBind(@Nullable Boolean bind) {
		return new ZmqChannelOptions(this.endpoints, bind, this.framing, this.sendHighWaterMark,
				this.receiveHighWaterMark, this.maxMessageSize, this.requestRetries);
	}

	/**
	 * A copy with another framing.
	 * @param framing the framing
	 * @return the copy
	 */
	public ZmqChannelOptions withFraming(ZmqFraming framing) {
		return new ZmqChannelOptions(this.endpoints, this.bind, framing, this.sendHighWaterMark,
				this.receiveHighWaterMark, this.maxMessageSize, this.requestRetries);
	}

	/**
	 * A copy whose callers send a request up to {@code 1 + requestRetries} times within its
	 * timeout.
	 * @param requestRetries how many times to send again, {@code 0} for never
	 * @return the copy
	 */
	public ZmqChannelOptions withRequestRetries(int requestRetries) {
		return new ZmqChannelOptions(this.endpoints, this.bind, this.framing, this.sendHighWaterMark,
				this.receiveHighWaterMark, this.maxMessageSize, requestRetries);
	}

}
