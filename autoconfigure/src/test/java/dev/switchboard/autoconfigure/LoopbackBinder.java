package dev.switchboard.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.switchboard.RequestTimeoutException;
import dev.switchboard.binder.Binder;
import dev.switchboard.binder.BinderState;
import dev.switchboard.binder.DeadLetter;
import dev.switchboard.binder.DeadLetterException;
import dev.switchboard.binder.InboundBinding;
import dev.switchboard.binder.InboundHandler;
import dev.switchboard.binder.InboundSpec;
import dev.switchboard.binder.OutboundBinding;
import dev.switchboard.binder.RequestBinding;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.WireMessage;

import org.jspecify.annotations.Nullable;

/**
 * An in-memory binder for auto-configuration tests: a send or request calls the channel's
 * running listeners on the caller's thread, so interceptors, the endpoint and health can be
 * tested without a transport; a request nobody listens to times out. Its state is whatever the test sets.
 */
public class LoopbackBinder implements Binder {

	private final String transport;

	private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();

	private volatile BinderState state = BinderState.up(Map.of("loopback", true));

	public LoopbackBinder(String transport) {
		this.transport = transport;
	}

	public void setState(BinderState state) {
		this.state = state;
	}

	@Override
	public String transport() {
		return this.transport;
	}

	@Override
	public BinderState state() {
		return this.state;
	}

	@Override
	public OutboundBinding bindOutbound(ChannelSpec channel) {
		return new Sender(channel, this);
	}

	@Override
	public RequestBinding bindRequester(ChannelSpec channel) {
		return new Sender(channel, this);
	}

	@Override
	public InboundBinding bindInbound(ChannelSpec channel, InboundSpec spec, InboundHandler handler) {
		Listener listener = new Listener(channel, handler);
		this.listeners.computeIfAbsent(channel.name(), (name) -> new CopyOnWriteArrayList<>()).add(listener);
		return listener;
	}

	private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();

	private final List<WireMessage> sent = new CopyOnWriteArrayList<>();

	private WireMessage deliver(ChannelSpec channel, WireMessage message) {
		this.sent.add(message);
		WireMessage reply = null;
		for (Listener listener : this.listeners.getOrDefault(channel.name(), List.of())) {
			if (!listener.paused && !listener.closed) {
				WireMessage answer = handle(listener, message);
				reply = (reply != null) ? reply : answer;
			}
		}
		return (reply != null) ? reply : WireMessage.of(new byte[0]);
	}

	private boolean hasRunningListener(ChannelSpec channel) {
		return this.listeners.getOrDefault(channel.name(), List.of())
			.stream()
			.anyMatch((listener) -> !listener.paused && !listener.closed);
	}

	/**
	 * Handle a message as a binder would: a dead letter goes to the binder's dead-letter
	 * list instead of back to the sender.
	 */
	private @Nullable WireMessage handle(Listener listener, WireMessage message) {
		try {
			return listener.handler.handle(message);
		}
		catch (DeadLetterException ex) {
			this.deadLetters.add(ex.getDeadLetter());
			return null;
		}
	}

	/**
	 * The messages and requests sent through this binder as they reached it, oldest first.
	 * @return the messages
	 */
	public List<WireMessage> getSent() {
		return List.copyOf(this.sent);
	}

	/**
	 * The messages listeners gave up on, oldest first.
	 * @return the dead letters
	 */
	public List<DeadLetter> getDeadLetters() {
		return List.copyOf(this.deadLetters);
	}

	@Override
	public void close() {
	}

	private record Sender(ChannelSpec channel, LoopbackBinder binder) implements OutboundBinding, RequestBinding {

		@Override
		public void send(WireMessage message) {
			this.binder.deliver(this.channel, message);
		}

		@Override
		public CompletableFuture<WireMessage> request(WireMessage request, Duration timeout) {
			if (!this.binder.hasRunningListener(this.channel)) {
				CompletableFuture<WireMessage> reply = new CompletableFuture<>();
				CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS)
					.execute(() -> reply.completeExceptionally(new RequestTimeoutException(this.channel.name(), timeout)));
				return reply;
			}
			return CompletableFuture.completedFuture(this.binder.deliver(this.channel, request));
		}

		@Override
		public Map<String, Object> describe() {
			return Map.of("loopback", this.channel.name());
		}

		@Override
		public void close() {
		}

	}

	private static final class Listener implements InboundBinding {

		private final ChannelSpec channel;

		private final InboundHandler handler;

		private volatile boolean paused;

		private volatile boolean closed;

		Listener(ChannelSpec channel, InboundHandler handler) {
			this.channel = channel;
			this.handler = handler;
		}

		@Override
		public ChannelSpec channel() {
			return this.channel;
		}

		@Override
		public void pause() {
			this.paused = true;
		}

		@Override
		public void resume() {
			this.paused = false;
		}

		@Override
		public boolean isPaused() {
			return this.paused;
		}

		@Override
		public Map<String, Object> describe() {
			return Map.of("loopback", this.channel.name());
		}

		@Override
		public void close() {
			this.closed = true;
		}

	}

}
