package dev.switchboard.zmq;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.switchboard.core.SwitchboardHeaders;
import dev.switchboard.core.WireMessage;

import org.jspecify.annotations.Nullable;

/**
 * Writes and reads the header frame of envelope framing, version 1. The layout is the wire
 * contract documented byte by byte in {@code docs/zmq.md}: magic {@code 'S'}, version,
 * flags, a big-endian u64 sequence number, then u16-length-prefixed UTF-8 content type,
 * correlation id and W3C trace context, then a u16 count of user headers, each a
 * length-prefixed name and value. The sequence number is written as zero here and stamped
 * by the socket's I/O thread just before sending, so it counts what the socket really sent:
 * a u64 per socket, or on a publisher (flag bit 1) a u32 publisher id and a u32 count per
 * topic, so that a subscriber can tell the gaps of each publisher and topic apart.
 */
final class EnvelopeHeader {

	static final byte MAGIC = 'S';

	static final byte VERSION = 1;

	static final int FLAG_ERROR = 0x01;

	/**
	 * Set by a publisher: the eight sequence bytes hold a u32 publisher id and a u32
	 * sequence number per topic instead of a u64 count per socket. Version 1 readers ignore
	 * it, as they ignore the sequence.
	 */
	static final int FLAG_PUBLISHER = 0x02;

	/**
	 * Where the u64 sequence number starts.
	 */
	static final int SEQUENCE_OFFSET = 3;

	/**
	 * The user header that travels in the dedicated trace context field.
	 */
	static final String TRACEPARENT = "traceparent";

	private static final int FIXED_LENGTH = SEQUENCE_OFFSET + Long.BYTES;

	private static final int MAX_FIELD = 0xFFFF;

	private static final byte[] NO_BYTES = {};

	private static final byte[][] NO_FIELDS = {};

	private static final RecentText CONTENT_TYPES = new RecentText();

	private EnvelopeHeader() {
	}

	/**
	 * Write the header of a message.
	 * @param message the message
	 * @return the header frame
	 * @throws IllegalArgumentException if a field is longer than 65535 UTF-8 bytes or there
	 * are more than 65535 headers
	 */
	static byte[] encode(WireMessage message) {
		Map<String, String> headers = message.headers();
		String contentType = message.contentType();
		byte[] type = (contentType != null) ? CONTENT_TYPES.bytes(contentType) : NO_BYTES;
		byte[] correlationId = utf8(message.correlationId());
		byte[] traceparent = utf8(headers.get(TRACEPARENT));
		int count = headers.containsKey(TRACEPARENT) ? headers.size() - 1 : headers.size();
		checkedLength(count, "header count");
		byte[][] userHeaders = userHeaders(headers, count);
		int length = FIXED_LENGTH + 4 * Short.BYTES + checkedLength(type.length, "field")
				+ checkedLength(correlationId.length, "field") + checkedLength(traceparent.length, "field");
		for (byte[] field : userHeaders) {
			length += Short.BYTES + checkedLength(field.length, "field");
		}
		byte[] header = new byte[length];
		header[0] = MAGIC;
		header[1] = VERSION;
		header[2] = (byte) (message.isError() ? FLAG_ERROR : 0);
		int position = put(header, FIXED_LENGTH, type);
		position = put(header, position, correlationId);
		position = put(header, position, traceparent);
		position = putLength(header, position, count);
		for (byte[] field : userHeaders) {
			position = put(header, position, field);
		}
		return header;
	}

	/**
	 * The user headers as name and value bytes in turn, without the trace context, which has
	 * a field of its own.
	 */
	private static byte[][] userHeaders(Map<String, String> headers, int count) {
		if (count == 0) {
			return NO_FIELDS;
		}
		byte[][] fields = new byte[count * 2][];
		int index = 0;
		for (Map.Entry<String, String> header : headers.entrySet()) {
			if (!header.getKey().equals(TRACEPARENT)) {
				fields[index++] = utf8(header.getKey());
				fields[index++] = utf8(header.getValue());
			}
		}
		return fields;
	}

	/**
	 * Read a header frame and combine it with the payload.
	 * @param header the header frame
	 * @param payload the payload frame
	 * @param topic the topic frame's text on pub-sub, else {@code null}
	 * @return the message
	 * @throws MalformedMessageException if the frame is not a version 1 header
	 */
	static WireMessage decode(byte[] header, byte[] payload, @Nullable String topic) throws MalformedMessageException {
		if (header.length < FIXED_LENGTH) {
			throw new MalformedMessageException("header frame of " + header.length + " bytes is shorter than "
					+ FIXED_LENGTH);
		}
		if (header[0] != MAGIC || header[1] != VERSION) {
			throw new MalformedMessageException(String.format("header frame starts 0x%02x 0x%02x, expected 0x%02x 0x%02x "
					+ "(envelope version 1); is the peer using raw framing?", header[0], header[1], MAGIC, VERSION));
		}
		boolean error = (header[2] & FLAG_ERROR) != 0;
		Reader reader = new Reader(header, FIXED_LENGTH);
		String contentType = reader.contentType();
		String correlationId = reader.field("correlation id");
		String traceparent = reader.field("trace context");
		Map<String, String> headers = readHeaders(reader, traceparent);
		reader.expectEnd();
		if (error != headers.containsKey(SwitchboardHeaders.ERROR_TYPE)) {
			throw new MalformedMessageException("the error flag is " + (error ? "set" : "clear") + " but the '"
					+ SwitchboardHeaders.ERROR_TYPE + "' header is " + (error ? "missing" : "present"));
		}
		return new WireMessage(payload, topic, emptyToNull(contentType), emptyToNull(correlationId), headers);
	}

	private static Map<String, String> readHeaders(Reader reader, String traceparent)
			throws MalformedMessageException {
		int count = reader.length("header count");
		if (count == 0 && traceparent.isEmpty()) {
			return Map.of();
		}
		Map<String, String> headers = new LinkedHashMap<>(count + 1);
		for (int i = 0; i < count; i++) {
			headers.put(reader.field("header name"), reader.field("header value"));
		}
		if (!traceparent.isEmpty()) {
			headers.put(TRACEPARENT, traceparent);
		}
		return headers;
	}

	/**
	 * Write the sequence number into an encoded header.
	 * @param header the header frame
	 * @param sequence the sequence number
	 */
	static void stampSequence(byte[] header, long sequence) {
		putInt(header, SEQUENCE_OFFSET, (int) (sequence >>> 32));
		putInt(header, SEQUENCE_OFFSET + Integer.BYTES, (int) sequence);
	}

	/**
	 * Mark an encoded header as sent by a publisher and write its id and the topic's
	 * sequence number.
	 * @param header the header frame
	 * @param publisher the publisher id
	 * @param sequence the sequence number of the message on its topic, wrapping at 2^32
	 */
	static void stampPublisher(byte[] header, int publisher, int sequence) {
		header[2] |= FLAG_PUBLISHER;
		putInt(header, SEQUENCE_OFFSET, publisher);
		putInt(header, SEQUENCE_OFFSET + Integer.BYTES, sequence);
	}

	/**
	 * Whether a received header frame carries a publisher id and a per-topic sequence.
	 * Looks only at the fixed part, which may belong to a frame that does not parse.
	 * @param header the header frame
	 * @return {@code true} for a version 1 header with flag bit 1 set
	 */
	static boolean isPublisherStamped(byte[] header) {
		return header.length >= FIXED_LENGTH && header[0] == MAGIC && header[1] == VERSION
				&& (header[2] & FLAG_PUBLISHER) != 0;
	}

	/**
	 * The publisher id of a {@link #isPublisherStamped publisher-stamped} header.
	 * @param header the header frame
	 * @return the id
	 */
	static int publisher(byte[] header) {
		return getInt(header, SEQUENCE_OFFSET);
	}

	/**
	 * The per-topic sequence number of a {@link #isPublisherStamped publisher-stamped}
	 * header.
	 * @param header the header frame
	 * @return the sequence number, unsigned
	 */
	static int topicSequence(byte[] header) {
		return getInt(header, SEQUENCE_OFFSET + Integer.BYTES);
	}

	private static void putInt(byte[] bytes, int offset, int value) {
		bytes[offset] = (byte) (value >>> 24);
		bytes[offset + 1] = (byte) (value >>> 16);
		bytes[offset + 2] = (byte) (value >>> 8);
		bytes[offset + 3] = (byte) value;
	}

	private static int getInt(byte[] bytes, int offset) {
		return ((bytes[offset] & 0xFF) << 24) | ((bytes[offset + 1] & 0xFF) << 16) | ((bytes[offset + 2] & 0xFF) << 8)
				| (bytes[offset + 3] & 0xFF);
	}

	private static byte[] utf8(@Nullable String value) {
		return (value != null && !value.isEmpty()) ? value.getBytes(StandardCharsets.UTF_8) : NO_BYTES;
	}

	private static int checkedLength(int length, String what) {
		if (length > MAX_FIELD) {
			throw new IllegalArgumentException("Envelope " + what + " of " + length + " exceeds " + MAX_FIELD);
		}
		return length;
	}

	private static int put(byte[] header, int position, byte[] field) {
		int next = putLength(header, position, field.length);
		System.arraycopy(field, 0, header, next, field.length);
		return next + field.length;
	}

	private static int putLength(byte[] header, int position, int length) {
		header[position] = (byte) (length >>> 8);
		header[position + 1] = (byte) length;
		return position + Short.BYTES;
	}

	private static @Nullable String emptyToNull(String value) {
		return value.isEmpty() ? null : value;
	}

	/**
	 * Reads the length-prefixed fields of a header frame. Most fields are short ASCII (content
	 * types, correlation ids), which are valid UTF-8 as they are and become strings with a
	 * single copy; only other bytes go through a strict UTF-8 decoder, made on first need.
	 * Error texts are built only when a frame is malformed.
	 */
	private static final class Reader {

		private final byte[] bytes;

		private @Nullable CharsetDecoder utf8;

		private int position;

		Reader(byte[] bytes, int position) {
			this.bytes = bytes;
			this.position = position;
		}

		int length(String what) throws MalformedMessageException {
			need(Short.BYTES, what, " length");
			int length = ((this.bytes[this.position] & 0xFF) << 8) | (this.bytes[this.position + 1] & 0xFF);
			this.position += Short.BYTES;
			return length;
		}

		/**
		 * Read the content type field, as the {@link #CONTENT_TYPES recent content type}
		 * when its bytes are the same.
		 */
		String contentType() throws MalformedMessageException {
			int length = length("content type");
			need(length, "content type", "");
			String known = CONTENT_TYPES.text(this.bytes, this.position, length);
			if (known != null) {
				this.position += length;
				return known;
			}
			int start = this.position;
			this.position -= Short.BYTES;
			String text = field("content type");
			CONTENT_TYPES.remember(text, Arrays.copyOfRange(this.bytes, start, start + length));
			return text;
		}

		String field(String what) throws MalformedMessageException {
			int length = length(what);
			need(length, what, "");
			int start = this.position;
			this.position += length;
			if (length == 0) {
				return "";
			}
			return ascii(start, length) ? new String(this.bytes, start, length, StandardCharsets.ISO_8859_1)
					: decode(start, length, what);
		}

		private boolean ascii(int start, int length) {
			for (int i = start; i < start + length; i++) {
				if (this.bytes[i] < 0) {
					return false;
				}
			}
			return true;
		}

		private String decode(int start, int length, String what) throws MalformedMessageException {
			CharsetDecoder decoder = this.utf8;
			if (decoder == null) {
				decoder = StandardCharsets.UTF_8.newDecoder();
				this.utf8 = decoder;
			}
			try {
				return decoder.decode(ByteBuffer.wrap(this.bytes, start, length)).toString();
			}
			catch (CharacterCodingException ex) {
				throw new MalformedMessageException(what + " at byte " + start + " is not valid UTF-8");
			}
		}

		void expectEnd() throws MalformedMessageException {
			if (this.position != this.bytes.length) {
				throw new MalformedMessageException((this.bytes.length - this.position)
						+ " unexpected bytes after the last header");
			}
		}

		private void need(int count, String what, String detail) throws MalformedMessageException {
			if (this.bytes.length - this.position < count) {
				throw new MalformedMessageException("header frame truncated in the " + what + detail + " at byte "
						+ this.position);
			}
		}

	}

}
