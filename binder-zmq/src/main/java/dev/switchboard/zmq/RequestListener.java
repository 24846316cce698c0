package dev.switchboard.zmq;

import java.nio.charset.StandardCharsets;

import dev.switchboard.binder.DeadLetterException;
import dev.switchboard.binder.InboundHandler;
import dev.switchboard.core.ChannelStatistics;
import dev.switchboard.core.SwitchboardHeaders;
import dev.switchboard.core.WireMessage;

import org.jspecify.annotations.Nullable;

/**
 * Serves requests a ROUTER socket receives, on the binding's workers, and queues each
 * reply behind the request's routing frames. Every request that can be routed gets a reply,
 * even a malformed one, so a plain REQ client is never left waiting.
 *
 * <p>Our DEALER callers put a correlation frame after their identity, so they arrive with
 * two routing frames and a REQ client with one. In raw framing that tells the two apart
 * for errors: a Switchboard caller gets the error as an envelope header and an empty
 * payload frame, a REQ client one text frame {@code ERROR <type>: <message>}.
 */
final class RequestListener implements Receiver {

	private final InboundHandler handler;

	private final MessageCodec codec;

	private final WorkerPool workers;

	private final MalformedMessages malformed;

	private final ChannelStatistics statistics;

	RequestListener(InboundHandler handler, MessageCodec codec, WorkerPool workers, MalformedMessages malformed,
			ChannelStatistics statistics) {
		this.handler = handler;
		this.codec = codec;
		this.workers = workers;
		this.malformed = malformed;
		this.statistics = statistics;
	}

	@Override
	public void receive(byte[][] frames, Outbox replies) {
		if (!this.workers.submit(() -> serve(frames, replies))) {
			this.statistics.dropped();
		}
	}

	private void serve(byte[][] frames, Outbox replies) {
		int delimiter = RoutingEnvelope.delimiter(frames);
		if (delimiter < 1) {
			this.malformed.report(new MalformedMessageException("a request needs routing frames and an empty "
					+ "delimiter frame before its body, as REQ and DEALER peers send"));
			return;
		}
		byte[][] prefix = RoutingEnvelope.replyPrefix(frames, delimiter);
		String correlation = (delimiter > 1) ? new String(frames[1], StandardCharsets.UTF_8) : null;
		WireMessage reply;
		try {
			reply = answer(request(frames, delimiter + 1, correlation));
		}
		catch (MalformedMessageException ex) {
			this.malformed.report(ex);
			reply = WireMessage.error(ex, correlation);
		}
		replies.reply(encode(reply, prefix), this.statistics);
	}

	private WireMessage request(byte[][] frames, int body, @Nullable String correlation)
			throws MalformedMessageException {
		WireMessage request = this.codec.decode(frames, body);
		return (request.correlationId() == null && correlation != null) ? request.withCorrelationId(correlation)
				: request;
	}

	/**
	 * The handler's reply. Core answers a failed request with an error reply, never a dead
	 * letter; should another handler give one up anyway, the caller still gets the error.
	 */
	private WireMessage answer(WireMessage request) {
		WireMessage reply;
		try {
			reply = this.handler.handle(request);
		}
		catch (DeadLetterException ex) {
			return WireMessage.error(ex.getDeadLetter().failure(), request.correlationId());
		}
		return (reply != null) ? reply : WireMessage.of(new byte[0]).withCorrelationId(request.correlationId());
	}

	private OutgoingMessage encode(WireMessage reply, byte[][] prefix) {
		if (this.codec.framing() == ZmqFraming.ENVELOPE || !reply.isError()) {
			return this.codec.encode(reply).prefixedWith(prefix);
		}
		if (prefix.length > 2) {
			return new OutgoingMessage(new byte[][] { EnvelopeHeader.encode(reply), new byte[0] }, 0)
				.prefixedWith(prefix);
		}
		String text = "ERROR " + reply.headers().get(SwitchboardHeaders.ERROR_TYPE) + ": "
				+ reply.headers().getOrDefault(SwitchboardHeaders.ERROR_MESSAGE, "");
		return new OutgoingMessage(new byte[][] { text.getBytes(StandardCharsets.UTF_8) }, -1).prefixedWith(prefix);
	}

}
