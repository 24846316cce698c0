package dev.switchboard.zmq;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
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
		ByteArrayOutputStream out = new ByteArrayOutputStream(64);
		out.write(MAGIC);
		out.write(VERSION);
		out.write(message.isError() ? FLAG_ERROR : 0);
		out.writeBytes(new byte[Long.BYTES]);
		writeField(out, message.contentType());
		writeField(out, message.correlationId());
		writeField(out, headers.get(TRACEPARENT));
		int count = headers.containsKey(TRACEPARENT) ? headers.size() - 1 : headers.size();
		writeLength(out, count, "header count");
		headers.forEach((name, value) -> {
			if (!name.equals(TRACEPARENT)) {
				writeField(out, name);
				writeField(out, value);
			}
		});
		return out.toByteArray();
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
		String contentType = reader.field("content type");
		String correlationId = reader.field("correlation id");
		String traceparent = reader.field("trace context");
		int count = reader.length("header count");
		Map<String, String> headers = new LinkedHashMap<>(count + 1);
		for (int i = 0; i < count; i++) {
			headers.put(reader.field("header name"), reader.field("header value"));
		}
		reader.expectEnd();
		if (!traceparent.isEmpty()) {
			headers.put(TRACEPARENT, traceparent);
		}
		if (error != headers.containsKey(SwitchboardHeaders.ERROR_TYPE)) {
			throw new MalformedMessageException("the error flag is " + (error ? "set" : "clear") + " but the '"
					+ SwitchboardHeaders.ERROR_TYPE + "' header is " + (error ? "missing" : "present"));
		}
		return new WireMessage(payload, topic, emptyToNull(contentType), emptyToNull(correlationId),
				headers.isEmpty() ? Map.of() : headers);
	}

	/**
	 * Write the sequence number into an encoded header.
	 * @param header the header frame
	 * @param sequence the sequence number
	 */
	static void stampSequence(byte[] header, long sequence) {
		ByteBuffer.wrap(header, SEQUENCE_OFFSET, Long.BYTES).putLong(sequence);
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
		ByteBuffer.wrap(header, SEQUENCE_OFFSET, Long.BYTES).putInt(publisher).putInt(sequence);
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
		return ByteBuffer.wrap(header).getInt(SEQUENCE_OFFSET);
	}

	/**
	 * The per-topic sequence number of a {@link #isPublisherStamped publisher-stamped}
	 * header.
	 * @param header the header frame
	 * @return the sequence number, unsigned
	 */
	static int topicSequence(byte[] header) {
		return ByteBuffer.wrap(header).getInt(SEQUENCE_OFFSET + Integer.BYTES);
	}

	private static void writeField(ByteArrayOutputStream out, @Nullable String value) {
		byte[] bytes = (value != null) ? value.getBytes(StandardCharsets.UTF_8) : new byte[0];
		writeLength(out, bytes.length, "field");
		out.writeBytes(bytes);
	}

	private static void writeLength(ByteArrayOutputStream out, int length, String what) {
		if (length > MAX_FIELD) {
			throw new IllegalArgumentException("Envelope " + what + " of " + length + " exceeds " + MAX_FIELD);
		}
		out.write(length >>> 8);
		out.write(length);
	}

	private static @Nullable String emptyToNull(String value) {
		return value.isEmpty() ? null : value;
	}

	/**
	 * A bounds-checked cursor over a header frame.
	 */
	private static final class Reader {

		private final byte[] bytes;

		private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();

		private int position;

		Reader(byte[] bytes, int position) {
			this.bytes = bytes;
			this.position = position;
		}

		int length(String what) throws MalformedMessageException {
			need(2, what + " length");
			int length = ((this.bytes[this.position] & 0xFF) << 8) | (this.bytes[this.position + 1] & 0xFF);
			this.position += 2;
			return length;
		}

		String field(String what) throws MalformedMessageException {
			int length = length(what);
			need(length, what);
			try {
				String value = this.utf8.decode(ByteBuffer.wrap(this.bytes, this.position, length)).toString();
				this.position += length;
				return value;
			}
			catch (CharacterCodingException ex) {
				throw new MalformedMessageException(what + " at byte " + this.position + " is not valid UTF-8");
			}
		}

		void expectEnd() throws MalformedMessageException {
			if (this.position != this.bytes.length) {
				throw new MalformedMessageException((this.bytes.length - this.position)
						+ " unexpected bytes after the last header");
			}
		}

		private void need(int count, String what) throws MalformedMessageException {
			if (this.bytes.length - this.position < count) {
				throw new MalformedMessageException("header frame truncated in the " + what + " at byte "
						+ this.position);
			}
		}

	}

}
