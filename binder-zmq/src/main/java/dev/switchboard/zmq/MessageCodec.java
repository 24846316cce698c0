package dev.switchboard.zmq;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import dev.switchboard.BindingException;
import dev.switchboard.core.WireMessage;

import org.jspecify.annotations.Nullable;

/**
 * Turns messages into frames and back for one channel, by its framing and whether it is
 * pub-sub: envelope framing is {@code [topic] header payload}, raw framing is the payload
 * alone, its topic being the start of the payload.
 */
final class MessageCodec {

	private final String channel;

	private final ZmqFraming framing;

	private final boolean pubSub;

	private final RecentText topics = new RecentText();

	MessageCodec(String channel, ZmqFraming framing, boolean pubSub) {
		this.channel = channel;
		this.framing = framing;
		this.pubSub = pubSub;
	}

	ZmqFraming framing() {
		return this.framing;
	}

	/**
	 * The frames of a message to send.
	 * @param message the message
	 * @return the frames
	 * @throws BindingException if raw framing cannot carry the message's topic
	 */
	OutgoingMessage encode(WireMessage message) {
		if (this.framing == ZmqFraming.RAW) {
			checkRawTopic(message);
			return new OutgoingMessage(new byte[][] { message.payload() }, -1);
		}
		byte[] header = EnvelopeHeader.encode(message);
		if (this.pubSub) {
			return new OutgoingMessage(new byte[][] { topicFrame(message.topic()), header, message.payload() }, 1);
		}
		return new OutgoingMessage(new byte[][] { header, message.payload() }, 0);
	}

	/**
	 * Read the message in {@code frames}, starting at {@code offset} (after any routing
	 * frames).
	 * @param frames the received frames
	 * @param offset the first frame of the message
	 * @return the message
	 * @throws MalformedMessageException if the frames do not match the framing
	 */
	WireMessage decode(byte[][] frames, int offset) throws MalformedMessageException {
		int count = frames.length - offset;
		if (this.framing == ZmqFraming.RAW) {
			expectFrames(count, 1, "raw framing: one payload frame");
			return WireMessage.of(frames[offset]);
		}
		if (this.pubSub) {
			expectFrames(count, 3, "envelope framing on pub-sub: topic, header, payload");
			return EnvelopeHeader.decode(frames[offset + 1], frames[offset + 2], topic(frames[offset]));
		}
		expectFrames(count, 2, "envelope framing: header, payload");
		return EnvelopeHeader.decode(frames[offset], frames[offset + 1], null);
	}

	private void checkRawTopic(WireMessage message) {
		String topic = message.topic();
		if (topic == null || topic.isEmpty()) {
			return;
		}
		byte[] prefix = topic.getBytes(StandardCharsets.UTF_8);
		byte[] payload = message.payload();
		if (payload.length < prefix.length || !Arrays.equals(payload, 0, prefix.length, prefix, 0, prefix.length)) {
			throw new BindingException("Channel '" + this.channel + "' uses raw framing, where the topic is the start "
					+ "of the payload, but the payload does not start with topic '" + topic + "'; put the topic at the "
					+ "start of the payload or set switchboard.channels." + this.channel + ".zmq.framing=envelope");
		}
	}

	private static void expectFrames(int count, int expected, String layout) throws MalformedMessageException {
		if (count != expected) {
			throw new MalformedMessageException("got " + count + " frame(s), expected " + expected + " (" + layout + ")");
		}
	}

	/**
	 * The topic as a frame, shared with the previous message when the text is the same
	 * (frames are never changed once made).
	 */
	private byte[] topicFrame(@Nullable String topic) {
		return this.topics.bytes((topic != null) ? topic : "");
	}

	/**
	 * The topic frame as text, the same text as the previous message's when the bytes are the
	 * same: subscribers usually get runs of one topic, and decoding and checking it again
	 * allocated twice per message.
	 */
	private String topic(byte[] frame) throws MalformedMessageException {
		String known = this.topics.text(frame, 0, frame.length);
		if (known != null) {
			return known;
		}
		String topic = new String(frame, StandardCharsets.UTF_8);
		if (!Arrays.equals(topic.getBytes(StandardCharsets.UTF_8), frame)) {
			throw new MalformedMessageException("the topic frame is not valid UTF-8");
		}
		this.topics.remember(topic, frame);
		return topic;
	}

}
