package dev.switchboard.autoconfigure.zmq;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;

/**
 * ZeroMQ settings of one channel, bound from {@code switchboard.channels.<name>.zmq}. Unset
 * limits fall back to the {@code switchboard.zmq} defaults. This class names no JeroMQ or
 * binder type, so the channel properties bind even when the ZeroMQ binder is absent.
 */
public class ZmqChannelProperties {

	/**
	 * Endpoints the channel binds or connects to, such as tcp://127.0.0.1:5678 or
	 * inproc://echo.
	 */
	private List<String> endpoints = new ArrayList<>();

	/**
	 * Whether this side binds its endpoints rather than connecting to them; by default the
	 * request-reply listener, the pub-sub publisher and the pipeline producer bind.
	 */
	private @Nullable Boolean bind;

	/**
	 * Frame layout on the wire: envelope (headers frame, content type, correlation) or raw
	 * (payload bytes only, for plain ZeroMQ peers).
	 */
	private Framing framing = Framing.ENVELOPE;

	/**
	 * Outbound high-water mark of the channel's sockets, overriding
	 * switchboard.zmq.send-high-water-mark.
	 */
	private @Nullable Integer sendHighWaterMark;

	/**
	 * Inbound high-water mark of the channel's sockets, overriding
	 * switchboard.zmq.receive-high-water-mark.
	 */
	private @Nullable Integer receiveHighWaterMark;

	/**
	 * Largest message the channel's sockets accept, overriding
	 * switchboard.zmq.max-message-size.
	 */
	private @Nullable DataSize maxMessageSize;

	/**
	 * How many times a request-reply caller sends a request again when no reply came within
	 * its share of the request timeout (Lazy Pirate); the request timeout stays the total
	 * deadline, split evenly between the attempts. Only for listeners that may see a request
	 * twice.
	 */
	private int requestRetries;

	public List<String> getEndpoints() {
		return this.endpoints;
	}

	public void setEndpoints(List<String> endpoints) {
		this.endpoints = endpoints;
	}

	public @Nullable Boolean getBind() {
		return this.bind;
	}

	public void setBind(@Nullable Boolean bind) {
		this.bind = bind;
	}

	public Framing getFraming() {
		return this.framing;
	}

	public void setFraming(Framing framing) {
		this.framing = framing;
	}

	public @Nullable Integer getSendHighWaterMark() {
		return this.sendHighWaterMark;
	}

	public void setSendHighWaterMark(@Nullable Integer sendHighWaterMark) {
		this.sendHighWaterMark = sendHighWaterMark;
	}

	public @Nullable Integer getReceiveHighWaterMark() {
		return this.receiveHighWaterMark;
	}

	public void setReceiveHighWaterMark(@Nullable Integer receiveHighWaterMark) {
		this.receiveHighWaterMark = receiveHighWaterMark;
	}

	public @Nullable DataSize getMaxMessageSize() {
		return this.maxMessageSize;
	}

	public void setMaxMessageSize(@Nullable DataSize maxMessageSize) {
		this.maxMessageSize = maxMessageSize;
	}

	public int getRequestRetries() {
		return this.requestRetries;
	}

	public void setRequestRetries(int requestRetries) {
		this.requestRetries = requestRetries;
	}

	/**
	 * How a channel lays out its frames; mirrors the binder's own framing type, which this
	 * class may not name.
	 */
	public enum Framing {

		/**
		 * A header frame (content type, correlation id, user headers) before the payload.
		 */
		ENVELOPE,

		/**
		 * The payload bytes alone, as plain ZeroMQ programs send them.
		 */
		RAW

	}

}
