package dev.switchboard.binder;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.switchboard.core.ChannelRegistry;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.SwitchboardTemplate;
import dev.switchboard.listener.ListenerEndpoint;
import dev.switchboard.listener.ListenerEndpointRegistry;
import dev.switchboard.listener.MessageListenerAdapter;
import dev.switchboard.listener.MessageListenerAdapters;
import dev.switchboard.support.converter.PayloadConverter;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

/**
 * One application as the contract suite sees it: a binder with the template and listener
 * registry core builds on top of it, wired by hand exactly as auto-configuration wires them.
 */
final class ContractApplication implements AutoCloseable {

	static final PayloadConverter CONVERTER = PayloadConverter.withJsonMapper(JsonMapper.builder().build());

	private final Binder binder;

	private final SwitchboardTemplate template;

	private final ListenerEndpointRegistry listeners;

	ContractApplication(Binder binder, Collection<ChannelSpec> channels) {
		this.binder = binder;
		ChannelRegistry registry = new ChannelRegistry(channels);
		BinderRegistry binders = new BinderRegistry(List.of(binder));
		this.template = new SwitchboardTemplate(registry, binders, CONVERTER);
		this.listeners = new ListenerEndpointRegistry(registry, binders, CONVERTER);
		this.listeners.start();
	}

	SwitchboardTemplate template() {
		return this.template;
	}

	/**
	 * Bind a listener that returns a reply (request-reply, or a pair peer that answers).
	 */
	<T> void reply(ChannelSpec channel, Class<T> type, Function<? super T, ?> function) {
		listen(channel, null, 1, MessageListenerAdapters.replying(CONVERTER, type, function));
	}

	/**
	 * Bind a listener without a reply.
	 */
	<T> void consume(ChannelSpec channel, Class<T> type, Consumer<? super T> consumer) {
		consume(channel, null, 1, type, consumer);
	}

	<T> void consume(ChannelSpec channel, @Nullable String topic, int concurrency, Class<T> type,
			Consumer<? super T> consumer) {
		listen(channel, topic, concurrency, MessageListenerAdapters.consuming(CONVERTER, type, consumer));
	}

	void listen(ChannelSpec channel, @Nullable String topic, int concurrency, MessageListenerAdapter listener) {
		this.listeners.register(new ListenerEndpoint(UUID.randomUUID().toString(), channel.name(), topic, null,
				concurrency, listener));
	}

	@Override
	public void close() {
		this.listeners.stop();
		this.template.destroy();
		this.binder.close();
	}

}
