package dev.switchboard.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.switchboard.binder.Binder;
import dev.switchboard.binder.InboundBinding;
import dev.switchboard.binder.InboundHandler;
import dev.switchboard.binder.InboundSpec;
import dev.switchboard.binder.OutboundBinding;
import dev.switchboard.binder.RequestBinding;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.WireMessage;

/**
 * A binder that opens nothing and remembers which channels were bound, so auto-configuration
 * tests need no transport.
 */
class StubBinder implements Binder {

	private final String transport;

	private final List<String> bound = new CopyOnWriteArrayList<>();

	StubBinder(String transport) {
		this.transport = transport;
	}

	@Override
	public String transport() {
		return this.transport;
	}

	List<String> bound() {
		return this.bound;
	}

	@Override
	public OutboundBinding bindOutbound(ChannelSpec channel) {
		this.bound.add(channel.name());
		return new StubBinding(channel);
	}

	@Override
	public RequestBinding bindRequester(ChannelSpec channel) {
		this.bound.add(channel.name());
		return new StubBinding(channel);
	}

	@Override
	public InboundBinding bindInbound(ChannelSpec channel, InboundSpec spec, InboundHandler handler) {
		this.bound.add(channel.name());
		return new StubBinding(channel);
	}

	@Override
	public void close() {
	}

	private record StubBinding(ChannelSpec channel) implements OutboundBinding, RequestBinding, InboundBinding {

		@Override
		public void send(WireMessage message) {
		}

		@Override
		public CompletableFuture<WireMessage> request(WireMessage request, Duration timeout) {
			return new CompletableFuture<>();
		}

		@Override
		public void close() {
		}

	}

}
