package dev.switchboard.zmq;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The text last turned into UTF-8 bytes or read from them, kept as both. Messages of a
 * channel come in runs of one content type and, on pub-sub, one topic, and converting them
 * each way for every message was a tenth of what Switchboard itself allocated per message.
 * Any thread may use it: the pair is replaced whole, and a lost or stale update only costs
 * a conversion.
 */
final class RecentText {

	private volatile Entry last = new Entry("", new byte[0]);

	/**
	 * The UTF-8 bytes of a text, shared with the previous caller when the text is the same;
	 * callers never change them.
	 * @param text the text
	 * @return its bytes
	 */
	byte[] bytes(String text) {
		Entry entry = this.last;
		if (entry.text().equals(text)) {
			return entry.bytes();
		}
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		this.last = new Entry(text, bytes);
		return bytes;
	}

	/**
	 * The remembered text, if {@code length} bytes of {@code source} from {@code offset}
	 * are its bytes.
	 * @param source the bytes to look at
	 * @param offset where the text's bytes start
	 * @param length how many bytes it has
	 * @return the text, or {@code null} for bytes of another text, which the caller decodes
	 * and then {@link #remember remembers}
	 */
	@Nullable String text(byte[] source, int offset, int length) {
		Entry entry = this.last;
		byte[] bytes = entry.bytes();
		return (bytes.length == length && Arrays.equals(source, offset, offset + length, bytes, 0, length))
				? entry.text() : null;
	}

	/**
	 * Remember a text a caller decoded, with the bytes it came from.
	 * @param text the text
	 * @param bytes exactly its UTF-8 bytes, never changed afterwards
	 */
	void remember(String text, byte[] bytes) {
		this.last = new Entry(text, bytes);
	}

	private record Entry(String text, byte[] bytes) {

	}

}
