package dev.switchboard.core;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import dev.switchboard.BindingException;
import dev.switchboard.ChannelConfigurationException;
import dev.switchboard.RemoteInvocationException;
import dev.switchboard.RequestTimeoutException;
import dev.switchboard.SwitchboardException;
import dev.switchboard.binder.BinderRegistry;
import dev.switchboard.binder.Binding;
import dev.switchboard.binder.OutboundBinding;
import dev.switchboard.binder.ReplyFutures;
import dev.switchboard.binder.RequestBinding;
import dev.switchboard.support.converter.PayloadConverter;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;

/**
 * The thread-safe entry point for sending, publishing and calling. It opens the transport
 * side of a channel the first time it is used (or when {@link #prepare(String) prepared})
 * and reuses it from every thread afterwards, so the hot path is one map lookup plus the
 * binder's own send.
 */
public class SwitchboardTemplate implements SwitchboardOperations, DisposableBean {

	/**
	 * Extra time a blocking request waits beyond its timeout for the binder to report the
	 * timeout itself, so the binder stays the one place that expires requests.
	 */
	private static final long TIMEOUT_GRACE_MILLIS = 1000;

	private static final Set<Pattern> SENDABLE = EnumSet.of(Pattern.PIPELINE, Pattern.PAIR, Pattern.PUB_SUB);

	private final ChannelRegistry channels;

	private final BinderRegistry binders;

	private final PayloadConverter converter;

	private final ConcurrentMap<String, Binding> bindings = new ConcurrentHashMap<>();

	private volatile boolean closed;

	public SwitchboardTemplate(ChannelRegistry channels, BinderRegistry binders, PayloadConverter converter) {
		this.channels = channels;
		this.binders = binders;
		this.converter = converter;
	}

	@Override
	public void send(String channel, Object payload) {
		send(channel, payload, Map.of());
	}

	@Override
	public void send(String channel, Object payload, Map<String, String> headers) {
		ChannelSpec spec = this.channels.getRequired(channel);
		if (!SENDABLE.contains(spec.pattern())) {
			throw new ChannelConfigurationException("Channel '" + channel
					+ "' is request-reply: call request(...) or requestAsync(...) instead of send(...)");
		}
		sendMessage(spec, withHeaders(this.converter.toWire(payload), headers));
	}

	@Override
	public void publish(String channel, String topic, Object payload) {
		publish(channel, topic, payload, Map.of());
	}

	@Override
	public void publish(String channel, String topic, Object payload, Map<String, String> headers) {
		ChannelSpec spec = this.channels.getRequired(channel);
		if (spec.pattern() != Pattern.PUB_SUB) {
			throw new ChannelConfigurationException("Channel '" + channel + "' is " + spec.pattern()
					+ ", not pub-sub: topics apply to pub-sub channels only; call "
					+ ((spec.pattern() == Pattern.REQUEST_REPLY) ? "request(...)" : "send(...)") + " instead");
		}
		sendMessage(spec, withHeaders(this.converter.toWire(payload), headers).withTopic(topic));
	}

	@Override
	public <T> T request(String channel, Object payload, Class<T> replyType) {
		return request(channel, payload, replyType, this.channels.getRequired(channel).requestTimeout());
	}

	@Override
	public <T> T request(String channel, Object payload, Class<T> replyType, Duration timeout) {
		ChannelSpec spec = requestReply(channel);
		CompletableFuture<WireMessage> reply = startRequest(spec, payload, timeout);
		try {
			return readReply(spec, reply.get(timeout.toMillis() + TIMEOUT_GRACE_MILLIS, TimeUnit.MILLISECONDS),
					replyType);
		}
		catch (ExecutionException ex) {
			throw asSwitchboardException(ex.getCause());
		}
		catch (TimeoutException ex) {
			reply.cancel(false);
			spec.statistics().timedOut();
			throw new RequestTimeoutException(channel, timeout);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			reply.cancel(false);
			throw new SwitchboardException("Interrupted while waiting for a reply on channel '" + channel + "'", ex);
		}
	}

	@Override
	public <T> CompletableFuture<T> requestAsync(String channel, Object payload, Class<T> replyType) {
		return requestAsync(channel, payload, replyType, this.channels.getRequired(channel).requestTimeout());
	}

	@Override
	public <T> CompletableFuture<T> requestAsync(String channel, Object payload, Class<T> replyType,
			Duration timeout) {
		ChannelSpec spec = requestReply(channel);
		CompletableFuture<WireMessage> reply = startRequest(spec, payload, timeout);
		return ReplyFutures.releasing(reply.thenApply((message) -> readReply(spec, message, replyType)), reply);
	}

	/**
	 * Open the transport side of a channel now rather than on first use, so that an
	 * endpoint is bound (and a bad endpoint fails) at startup and peers can connect before
	 * the first message.
	 * @param channel the channel name
	 */
	public void prepare(String channel) {
		ChannelSpec spec = this.channels.getRequired(channel);
		if (spec.pattern() == Pattern.REQUEST_REPLY) {
			requester(spec);
		}
		else {
			outbound(spec);
		}
	}

	/**
	 * The sending binding of a channel, once the template has opened it.
	 * @param channel the channel name
	 * @return the binding, or {@code null} when the channel has not been used or prepared
	 */
	public @Nullable Binding getBinding(String channel) {
		return this.bindings.get(channel);
	}

	@Override
	public void destroy() {
		this.closed = true;
		this.bindings.values().forEach(Binding::close);
		this.bindings.clear();
	}

	private void sendMessage(ChannelSpec spec, WireMessage message) {
		outbound(spec).send(message);
		spec.statistics().sent();
	}

	private CompletableFuture<WireMessage> startRequest(ChannelSpec spec, Object payload, Duration timeout) {
		CompletableFuture<WireMessage> reply = requester(spec).request(this.converter.toWire(payload), timeout);
		spec.statistics().sent();
		return ReplyFutures.afterCompletion(reply, (message, ex) -> {
			if (ex instanceof RequestTimeoutException || ex instanceof CompletionException
					&& ex.getCause() instanceof RequestTimeoutException) {
				spec.statistics().timedOut();
			}
		});
	}

	private <T> T readReply(ChannelSpec spec, WireMessage reply, Class<T> replyType) {
		if (reply.isError()) {
			throw new RemoteInvocationException(spec.name(), reply.headers().get(SwitchboardHeaders.ERROR_TYPE),
					reply.headers().getOrDefault(SwitchboardHeaders.ERROR_MESSAGE, ""));
		}
		return replyType.cast(this.converter.fromWire(reply, replyType, null));
	}

	private ChannelSpec requestReply(String channel) {
		ChannelSpec spec = this.channels.getRequired(channel);
		if (spec.pattern() != Pattern.REQUEST_REPLY) {
			throw new ChannelConfigurationException("Channel '" + channel + "' is " + spec.pattern()
					+ ", not request-reply: call " + ((spec.pattern() == Pattern.PUB_SUB) ? "publish" : "send")
					+ "(...) instead");
		}
		return spec;
	}

	private OutboundBinding outbound(ChannelSpec spec) {
		return (OutboundBinding) binding(spec, (s) -> this.binders.getBinder(s).bindOutbound(s));
	}

	private RequestBinding requester(ChannelSpec spec) {
		return (RequestBinding) binding(spec, (s) -> this.binders.getBinder(s).bindRequester(s));
	}

	private Binding binding(ChannelSpec spec, Function<ChannelSpec, Binding> factory) {
		Binding binding = this.bindings.get(spec.name());
		if (binding != null) {
			return binding;
		}
		if (this.closed) {
			throw new BindingException("The Switchboard template is closed; channel '" + spec.name()
					+ "' can no longer be used");
		}
		return this.bindings.computeIfAbsent(spec.name(), (name) -> factory.apply(spec));
	}

	private static WireMessage withHeaders(WireMessage message, Map<String, String> headers) {
		return headers.isEmpty() ? message : message.withHeaders(headers);
	}

	private static RuntimeException asSwitchboardException(Throwable failure) {
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		if (cause instanceof RuntimeException runtime) {
			return runtime;
		}
		return new SwitchboardException("Request failed: " + cause, cause);
	}

}
