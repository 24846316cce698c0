package dev.switchboard.binder;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.TopicFilter;
import dev.switchboard.core.WireMessage;

import org.jspecify.annotations.Nullable;

/**
 * A {@link Binder} whose bindings pass through {@link BindingInterceptor}s. Inbound bindings
 * are the delegate's own (only their handler is wrapped), so pausing, resuming and
 * describing them reach the transport unchanged; interceptors only see the messages a
 * subscriber's topic filter accepts.
 */
public final class InterceptedBinder implements Binder {

	private final Binder delegate;

	private final BindingInterceptor interceptor;

	private InterceptedBinder(Binder delegate, BindingInterceptor interceptor) {
		this.delegate = delegate;
		this.interceptor = interceptor;
	}

	/**
	 * Wrap a binder in interceptors, the first outermost.
	 * @param binder the binder
	 * @param interceptors the interceptors, possibly none
	 * @return the binder itself when there is no interceptor, else the wrapped binder
	 */
	public static Binder of(Binder binder, List<? extends BindingInterceptor> interceptors) {
		Binder result = binder;
		for (int i = interceptors.size() - 1; i >= 0; i--) {
			result = new InterceptedBinder(result, interceptors.get(i));
		}
		return result;
	}

	@Override
	public String transport() {
		return this.delegate.transport();
	}

	@Override
	public OutboundBinding bindOutbound(ChannelSpec channel) {
		return new Outbound(this.delegate.bindOutbound(channel), this.interceptor);
	}

	@Override
	public RequestBinding bindRequester(ChannelSpec channel) {
		return new Requester(this.delegate.bindRequester(channel), this.interceptor);
	}

	/**
	 * Bind the delegate's inbound side with the handler wrapped in the interceptor. A pub-sub
	 * message the subscriber's topic filter rejects (the transport pre-filters by prefix
	 * only) is dropped before the interceptor, so it is neither timed nor observed as handled;
	 * a message without a topic was matched by the transport and passes.
	 */
	@Override
	public InboundBinding bindInbound(ChannelSpec channel, InboundSpec spec, InboundHandler handler) {
		TopicFilter filter = spec.topicFilter();
		return this.delegate.bindInbound(channel, spec,
				(message) -> accepts(filter, message) ? this.interceptor.handle(channel, message, handler) : null);
	}

	private static boolean accepts(@Nullable TopicFilter filter, WireMessage message) {
		String topic = message.topic();
		return filter == null || topic == null || filter.matches(topic);
	}

	@Override
	public BinderState state() {
		return this.delegate.state();
	}

	@Override
	public void close() {
		this.delegate.close();
	}

	private record Outbound(OutboundBinding delegate, BindingInterceptor interceptor) implements OutboundBinding {

		@Override
		public void send(WireMessage message) {
			this.interceptor.send(this.delegate.channel(), message, this.delegate);
		}

		@Override
		public ChannelSpec channel() {
			return this.delegate.channel();
		}

		@Override
		public Map<String, Object> describe() {
			return this.delegate.describe();
		}

		@Override
		public void close() {
			this.delegate.close();
		}

	}

	private record Requester(RequestBinding delegate, BindingInterceptor interceptor) implements RequestBinding {

		@Override
		public CompletableFuture<WireMessage> request(WireMessage request, Duration timeout) {
			return this.interceptor.request(this.delegate.channel(), request, timeout, this.delegate);
		}

		@Override
		public ChannelSpec channel() {
			return this.delegate.channel();
		}

		@Override
		public Map<String, Object> describe() {
			return this.delegate.describe();
		}

		@Override
		public void close() {
			this.delegate.close();
		}

	}

}
