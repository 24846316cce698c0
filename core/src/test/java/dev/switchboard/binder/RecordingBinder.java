package dev.switchboard.binder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.WireMessage;

/**
 * An in-memory binder for core's unit tests: it records what is sent and bound, and answers
 * requests with a function. Binders proper are tested against real transports by the
 * contract suite.
 */
public class RecordingBinder implements Binder {

	public final List<WireMessage> sent = new ArrayList<>();

	public final List<ChannelSpec> inbound = new ArrayList<>();

	public final List<String> closed = new ArrayList<>();

	private final Function<WireMessage, CompletableFuture<WireMessage>> replies;

	public RecordingBinder(Function<WireMessage, CompletableFuture<WireMessage>> replies) {
		this.replies = replies;
	}

	@Override
	public String transport() {
		return "test";
	}

	@Override
	public OutboundBinding bindOutbound(ChannelSpec channel) {
		return new Recorded(channel);
	}

	@Override
	public RequestBinding bindRequester(ChannelSpec channel) {
		return new Recorded(channel);
	}

	@Override
	public InboundBinding bindInbound(ChannelSpec channel, InboundSpec spec, InboundHandler handler) {
		this.inbound.add(channel);
		return new Recorded(channel);
	}

	@Override
	public void close() {
	}

	private final class Recorded implements OutboundBinding, RequestBinding, InboundBinding {

		private final ChannelSpec channel;

		Recorded(ChannelSpec channel) {
			this.channel = channel;
		}

		@Override
		public ChannelSpec channel() {
			return this.channel;
		}

		@Override
		public void send(WireMessage message) {
			RecordingBinder.this.sent.add(message);
		}

		@Override
		public CompletableFuture<WireMessage> request(WireMessage request, Duration timeout) {
			RecordingBinder.this.sent.add(request);
			return RecordingBinder.this.replies.apply(request);
		}

		@Override
		public void close() {
			RecordingBinder.this.closed.add(this.channel.name());
		}

	}

}
