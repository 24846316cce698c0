package dev.switchboard.zmq;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import dev.switchboard.BindingException;
import dev.switchboard.core.ChannelStatistics;
import dev.switchboard.core.WireMessage;

/**
 * Matches the replies a DEALER socket receives to the requests waiting for them, on the
 * socket's I/O thread. A reply nobody waits for any more (its request timed out) is
 * dropped and counted; a malformed reply fails its request at once rather than letting it
 * time out.
 */
final class ReplyMatcher implements Receiver {

	private final Map<String, CompletableFuture<WireMessage>> pending = new ConcurrentHashMap<>();

	private final MessageCodec codec;

	private final MalformedMessages malformed;

	private final ChannelStatistics statistics;

	private final String channel;

	ReplyMatcher(String channel, MessageCodec codec, MalformedMessages malformed, ChannelStatistics statistics) {
		this.channel = channel;
		this.codec = codec;
		this.malformed = malformed;
		this.statistics = statistics;
	}

	/**
	 * The requests waiting for a reply, by correlation id.
	 * @return the live map
	 */
	Map<String, CompletableFuture<WireMessage>> pending() {
		return this.pending;
	}

	@Override
	public void receive(byte[][] frames, Outbox replies) {
		if (frames.length < 3 || frames[1].length != 0) {
			this.malformed.report(new MalformedMessageException("a reply needs a correlation frame, an empty "
					+ "delimiter frame and a body, got " + frames.length + " frame(s)"));
			return;
		}
		String id = new String(frames[0], StandardCharsets.UTF_8);
		CompletableFuture<WireMessage> reply = this.pending.remove(id);
		if (reply == null) {
			this.statistics.dropped();
			return;
		}
		try {
			WireMessage message = decode(frames);
			reply.complete((message.correlationId() != null) ? message : message.withCorrelationId(id));
		}
		catch (MalformedMessageException ex) {
			this.malformed.report(ex);
			reply.completeExceptionally(new BindingException("Channel '" + this.channel
					+ "': the reply could not be read: " + ex.getMessage()));
		}
	}

	/**
	 * In raw framing a reply is one payload frame, or an envelope header and an empty frame
	 * when a Switchboard listener reports an error.
	 */
	private WireMessage decode(byte[][] frames) throws MalformedMessageException {
		if (this.codec.framing() == ZmqFraming.RAW && frames.length == 4) {
			return EnvelopeHeader.decode(frames[2], frames[3], null);
		}
		return this.codec.decode(frames, 2);
	}

}
