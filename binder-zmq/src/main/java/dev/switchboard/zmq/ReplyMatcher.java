package dev.switchboard.zmq;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import dev.switchboard.BindingException;
import dev.switchboard.binder.PendingReplies;
import dev.switchboard.core.WireMessage;

/**
 * Matches the replies a DEALER socket receives to the requests waiting for them, on the
 * socket's I/O thread. A reply nobody waits for any more (its request timed out) is
 * dropped and counted; a malformed reply fails its request at once rather than letting it
 * time out.
 */
final class ReplyMatcher implements Receiver {

	private final PendingReplies pending;

	private final MessageCodec codec;

	private final MalformedMessages malformed;

	private final String channel;

	ReplyMatcher(String channel, PendingReplies pending, MessageCodec codec, MalformedMessages malformed) {
		this.channel = channel;
		this.pending = pending;
		this.codec = codec;
		this.malformed = malformed;
	}

	@Override
	public void receive(byte[][] frames, Outbox replies) {
		if (frames.length < 3 || frames[1].length != 0) {
			this.malformed.report(new MalformedMessageException("a reply needs a correlation frame, an empty "
					+ "delimiter frame and a body, got " + frames.length + " frame(s)"));
			return;
		}
		String id = new String(frames[0], StandardCharsets.UTF_8);
		CompletableFuture<WireMessage> reply = this.pending.take(id);
		if (reply == null) {
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
