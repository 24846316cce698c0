package dev.switchboard.core;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A message as it travels between the template, the listeners and a binder: the payload
 * already converted to bytes plus the few properties every transport carries. Immutable;
 * the {@code with...} methods return copies.
 *
 * <p>Deliberately lighter than Spring's {@code Message}: no generated id or timestamp, so the
 * hot path of a fast transport allocates little.
 */
public final class WireMessage {

	private final byte[] payload;

	private final @Nullable String topic;

	private final @Nullable String contentType;

	private final @Nullable String correlationId;

	private final Map<String, String> headers;

	public WireMessage(byte[] payload, @Nullable String topic, @Nullable String contentType,
			@Nullable String correlationId, Map<String, String> headers) {
		this.payload = payload;
		this.topic = topic;
		this.contentType = contentType;
		this.correlationId = correlationId;
		this.headers = headers;
	}

	/**
	 * A message with just a payload, as a raw-framed peer sends it.
	 * @param payload the payload bytes
	 * @return the message
	 */
	public static WireMessage of(byte[] payload) {
		return new WireMessage(payload, null, null, null, Map.of());
	}

	/**
	 * An error reply reporting that a listener threw {@code error}.
	 * @param error what the listener threw
	 * @param correlationId the correlation id of the request being answered
	 * @return the error reply
	 */
	public static WireMessage error(Throwable error, @Nullable String correlationId) {
		String message = (error.getMessage() != null) ? error.getMessage() : "";
		return new WireMessage(new byte[0], null, null, correlationId,
				Map.of(SwitchboardHeaders.ERROR_TYPE, error.getClass().getName(), SwitchboardHeaders.ERROR_MESSAGE,
						message));
	}

	public byte[] payload() {
		return this.payload;
	}

	public @Nullable String topic() {
		return this.topic;
	}

	public @Nullable String contentType() {
		return this.contentType;
	}

	public @Nullable String correlationId() {
		return this.correlationId;
	}

	/**
	 * User headers, plus the error headers of an error reply. Never {@code null}.
	 * @return an unmodifiable map
	 */
	public Map<String, String> headers() {
		return this.headers;
	}

	/**
	 * Whether this is an error reply produced by {@link #error(Throwable, String)}.
	 * @return {@code true} for an error reply
	 */
	public boolean isError() {
		return this.headers.containsKey(SwitchboardHeaders.ERROR_TYPE);
	}

	public WireMessage withTopic(@Nullable String topic) {
		return new WireMessage(this.payload, topic, this.contentType, this.correlationId, this.headers);
	}

	public WireMessage withCorrelationId(@Nullable String correlationId) {
		return new WireMessage(this.payload, this.topic, this.contentType, correlationId, this.headers);
	}

	public WireMessage withHeaders(Map<String, String> headers) {
		return new WireMessage(this.payload, this.topic, this.contentType, this.correlationId, Map.copyOf(headers));
	}

	@Override
	public String toString() {
		return "WireMessage[" + this.payload.length + " bytes, topic=" + this.topic + ", contentType="
				+ this.contentType + ", correlationId=" + this.correlationId + ", headers=" + this.headers + "]";
	}

}
