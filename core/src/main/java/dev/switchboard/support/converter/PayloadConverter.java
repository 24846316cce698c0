package dev.switchboard.support.converter;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.switchboard.PayloadConversionException;
import dev.switchboard.core.WireMessage;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.converter.SmartMessageConverter;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.messaging.support.GenericMessage;
import org.springframework.util.MimeType;

/**
 * Converts payloads to and from the bytes a {@link WireMessage} carries, with the content
 * type travelling alongside. {@code byte[]} and {@code String} take a direct path (they are
 * the common case and must stay cheap); everything else goes through a Spring Messaging
 * {@link MessageConverter}, JSON with Jackson 3 by default.
 *
 * <p>A message without a content type (what a raw-framed peer sends) is read as the target
 * type asks: bytes as-is, text as UTF-8, objects as JSON.
 */
public class PayloadConverter {

	/**
	 * Content type of {@code String} payloads.
	 */
	public static final String TEXT_PLAIN = "text/plain;charset=UTF-8";

	/**
	 * Content type of {@code byte[]} payloads.
	 */
	public static final String OCTET_STREAM = "application/octet-stream";

	private final MessageConverter converter;

	/**
	 * Create a converter that hands non-{@code String}, non-{@code byte[]} payloads to the
	 * given Spring Messaging converter.
	 * @param converter the converter for objects
	 */
	public PayloadConverter(MessageConverter converter) {
		this.converter = converter;
	}

	/**
	 * Create the default converter: bytes, text and JSON with the given mapper.
	 * @param jsonMapper the Jackson mapper for JSON payloads
	 * @return the converter
	 */
	public static PayloadConverter withJsonMapper(JsonMapper jsonMapper) {
		return new PayloadConverter(new CompositeMessageConverter(List.of(new ByteArrayMessageConverter(),
				new StringMessageConverter(), new JacksonJsonMessageConverter(jsonMapper))));
	}

	/**
	 * Convert a payload to a wire message.
	 * @param payload the payload
	 * @return a message with the payload's bytes and content type
	 * @throws PayloadConversionException if no converter can write the payload
	 */
	public WireMessage toWire(Object payload) {
		if (payload instanceof byte[] bytes) {
			return new WireMessage(bytes, null, OCTET_STREAM, null, Map.of());
		}
		if (payload instanceof String text) {
			return new WireMessage(text.getBytes(StandardCharsets.UTF_8), null, TEXT_PLAIN, null, Map.of());
		}
		Message<?> message;
		try {
			message = this.converter.toMessage(payload, null);
		}
		catch (RuntimeException ex) {
			throw new PayloadConversionException("Cannot write a " + payload.getClass().getName() + " payload: "
					+ ex.getMessage(), ex);
		}
		if (message == null) {
			throw new PayloadConversionException("No message converter can write a " + payload.getClass().getName()
					+ " payload; send a String, a byte[] or an object Jackson can serialize", null);
		}
		Object contentType = message.getHeaders().get(MessageHeaders.CONTENT_TYPE);
		return new WireMessage(bytesOf(message.getPayload()), null,
				(contentType != null) ? contentType.toString() : null, null, Map.of());
	}

	/**
	 * Convert a wire message's payload to the type a listener or caller wants.
	 * @param message the message
	 * @param targetType the wanted type
	 * @param conversionHint a {@link org.springframework.core.MethodParameter} for generic
	 * targets, or {@code null}
	 * @return the converted payload, never {@code null}
	 * @throws PayloadConversionException if the payload cannot be read as {@code targetType}
	 */
	public Object fromWire(WireMessage message, Class<?> targetType, @Nullable Object conversionHint) {
		if (targetType == byte[].class) {
			return message.payload();
		}
		if (targetType == String.class) {
			return new String(message.payload(), charsetOf(message.contentType()));
		}
		Message<byte[]> springMessage = new GenericMessage<>(message.payload(), headersOf(message));
		Object converted;
		try {
			converted = (this.converter instanceof SmartMessageConverter smart)
					? smart.fromMessage(springMessage, targetType, conversionHint)
					: this.converter.fromMessage(springMessage, targetType);
		}
		catch (RuntimeException ex) {
			throw new PayloadConversionException("Cannot read a " + message.payload().length + "-byte payload"
					+ contentTypeText(message) + " as " + targetType.getName() + ": " + rootMessage(ex), ex);
		}
		if (converted == null) {
			throw new PayloadConversionException("No message converter reads" + contentTypeText(message) + " as "
					+ targetType.getName() + "; send JSON, or take the payload as String or byte[]", null);
		}
		return converted;
	}

	private static byte[] bytesOf(Object payload) {
		if (payload instanceof byte[] bytes) {
			return bytes;
		}
		if (payload instanceof String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		throw new PayloadConversionException("The message converter produced a " + payload.getClass().getName()
				+ " where bytes or text were expected", null);
	}

	private static Charset charsetOf(@Nullable String contentType) {
		if (contentType == null || TEXT_PLAIN.equals(contentType) || !contentType.contains("charset")) {
			return StandardCharsets.UTF_8;
		}
		try {
			Charset charset = MimeType.valueOf(contentType).getCharset();
			return (charset != null) ? charset : StandardCharsets.UTF_8;
		}
		catch (RuntimeException ex) {
			throw new PayloadConversionException("Unreadable content type '" + contentType + "'", ex);
		}
	}

	private static MessageHeaders headersOf(WireMessage message) {
		String contentType = message.contentType();
		return new LeanMessageHeaders((contentType != null) ? Map.of(MessageHeaders.CONTENT_TYPE, contentType) : Map.of());
	}

	private static String contentTypeText(WireMessage message) {
		return (message.contentType() != null) ? " of content type " + message.contentType() : " without content type";
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage());
	}

	/**
	 * Headers without the generated id and timestamp, which conversion never reads.
	 */
	private static final class LeanMessageHeaders extends MessageHeaders {

		LeanMessageHeaders(Map<String, Object> headers) {
			super(headers, ID_VALUE_NONE, -1L);
		}

	}

}
