package dev.switchboard.listener;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.ChannelConfigurationException;
import dev.switchboard.binder.BinderRegistry;
import dev.switchboard.binder.InboundBinding;
import dev.switchboard.binder.InboundSpec;
import dev.switchboard.core.ChannelRegistry;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.Pattern;
import dev.switchboard.core.TopicFilter;
import dev.switchboard.support.converter.PayloadConverter;

import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * Holds every listener endpoint and binds them when the application context starts.
 * {@link #register(ListenerEndpoint) Registration} checks the endpoint against its channel
 * straight away, so a listener on an undefined channel or with a signature its pattern
 * cannot serve fails startup with a message naming the listener, the channel and the fix.
 */
public class ListenerEndpointRegistry implements SmartLifecycle {

	/**
	 * Listeners start late and stop early, so that everything they call is up around them.
	 */
	public static final int PHASE = Integer.MAX_VALUE - 1000;

	private final ChannelRegistry channels;

	private final BinderRegistry binders;

	private final PayloadConverter converter;

	private final Map<String, ListenerEndpoint> endpoints = new LinkedHashMap<>();

	private final Map<String, InboundBinding> bindings = new LinkedHashMap<>();

	private final List<MessageDispatcher> dispatchers = new ArrayList<>();

	private boolean running;

	public ListenerEndpointRegistry(ChannelRegistry channels, BinderRegistry binders, PayloadConverter converter) {
		this.channels = channels;
		this.binders = binders;
		this.converter = converter;
	}

	/**
	 * Register an endpoint, checking it against its channel. Endpoints registered while the
	 * registry runs are bound at once.
	 * @param endpoint the endpoint
	 * @throws ChannelConfigurationException if the endpoint cannot work on its channel
	 */
	public synchronized void register(ListenerEndpoint endpoint) {
		ChannelSpec channel = validate(endpoint);
		if (this.endpoints.putIfAbsent(endpoint.id(), endpoint) != null) {
			throw new ChannelConfigurationException("Listener id '" + endpoint.id() + "' is used twice");
		}
		if (this.running) {
			bind(endpoint, channel);
		}
	}

	public synchronized List<ListenerEndpoint> getEndpoints() {
		return List.copyOf(this.endpoints.values());
	}

	/**
	 * The open binding of a listener.
	 * @param id the listener id
	 * @return the binding, or {@code null} when the listener is not bound
	 */
	public synchronized @Nullable InboundBinding getBinding(String id) {
		return this.bindings.get(id);
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		try {
			for (ListenerEndpoint endpoint : this.endpoints.values()) {
				bind(endpoint, this.channels.getRequired(endpoint.channel()));
			}
		}
		catch (RuntimeException ex) {
			closeBindings();
			throw ex;
		}
		this.running = true;
	}

	@Override
	public synchronized void stop() {
		closeBindings();
		this.running = false;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private void bind(ListenerEndpoint endpoint, ChannelSpec channel) {
		TopicFilter filter = (endpoint.topic() != null) ? TopicFilter.of(endpoint.topic())
				: (channel.pattern() == Pattern.PUB_SUB) ? TopicFilter.all() : null;
		int concurrency = (endpoint.concurrency() > 0) ? endpoint.concurrency() : channel.concurrency();
		InboundSpec spec = new InboundSpec(filter, endpoint.group(), concurrency);
		MessageDispatcher dispatcher = new MessageDispatcher(channel, endpoint.listener(),
				this.converter, filter);
		this.bindings.put(endpoint.id(), this.binders.getBinder(channel).bindInbound(channel, spec, dispatcher));
		this.dispatchers.add(dispatcher);
	}

	/**
	 * Close every binding, newest first. Retries stop first, so that a message waiting out
	 * a backoff does not hold up a binding waiting for its in-flight handlers.
	 */
	private void closeBindings() {
		this.dispatchers.forEach(MessageDispatcher::stop);
		this.dispatchers.clear();
		List<InboundBinding> open = new ArrayList<>(this.bindings.values());
		Collections.reverse(open);
		open.forEach(InboundBinding::close);
		this.bindings.clear();
	}

	private ChannelSpec validate(ListenerEndpoint endpoint) {
		String listener = endpoint.listener().description();
		ChannelSpec channel;
		try {
			channel = this.channels.getRequired(endpoint.channel());
		}
		catch (ChannelConfigurationException ex) {
			throw new ChannelConfigurationException(listener + " listens on an undefined channel: " + ex.getMessage());
		}
		this.binders.getBinder(channel);
		Pattern pattern = channel.pattern();
		String where = listener + " on " + pattern + " channel '" + channel.name() + "'";
		if (pattern == Pattern.REQUEST_REPLY && !endpoint.listener().returnsValue()) {
			throw new ChannelConfigurationException(where + " returns nothing, but a request-reply listener's return"
					+ " value is the reply: return the reply, or make the channel pipeline or pub-sub");
		}
		if ((pattern == Pattern.PUB_SUB || pattern == Pattern.PIPELINE) && endpoint.listener().returnsValue()) {
			throw new ChannelConfigurationException(where + " returns a value that nobody would receive: make it"
					+ " void, publish with SwitchboardTemplate, or make the channel request-reply");
		}
		if (endpoint.topic() != null) {
			if (pattern != Pattern.PUB_SUB) {
				throw new ChannelConfigurationException(where + " sets topic '" + endpoint.topic()
						+ "', but topics exist on pub-sub channels only: remove the topic");
			}
			try {
				TopicFilter.of(endpoint.topic());
			}
			catch (ChannelConfigurationException ex) {
				throw new ChannelConfigurationException(where + ": " + ex.getMessage());
			}
		}
		if (endpoint.group() != null && pattern != Pattern.PUB_SUB) {
			throw new ChannelConfigurationException(where + " sets group '" + endpoint.group()
					+ "', but groups exist on pub-sub channels only: remove the group");
		}
		return channel;
	}

}
