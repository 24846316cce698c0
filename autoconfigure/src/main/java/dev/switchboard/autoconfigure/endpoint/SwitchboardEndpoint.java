package dev.switchboard.autoconfigure.endpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.switchboard.binder.Binding;
import dev.switchboard.binder.InboundBinding;
import dev.switchboard.core.ChannelRegistry;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.ChannelStatistics;
import dev.switchboard.core.SwitchboardTemplate;
import dev.switchboard.listener.ListenerEndpoint;
import dev.switchboard.listener.ListenerEndpointRegistry;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code switchboard} actuator endpoint: every channel with its pattern, transport,
 * counts, the addresses its bindings use on the transport, and each listener's state; a
 * write operation pauses or resumes a listener, or every listener of a channel, so an
 * operator can drain a worker.
 */
@Endpoint(id = "switchboard")
public class SwitchboardEndpoint {

	private final ChannelRegistry channels;

	private final ListenerEndpointRegistry listeners;

	private final @Nullable SwitchboardTemplate template;

	/**
	 * Create the endpoint over an application's channels and listeners.
	 * @param channels every defined channel
	 * @param listeners the listeners, to describe, pause and resume
	 * @param template the template whose sending bindings are described, or {@code null}
	 * when the application has none
	 */
	public SwitchboardEndpoint(ChannelRegistry channels, ListenerEndpointRegistry listeners,
			@Nullable SwitchboardTemplate template) {
		this.channels = channels;
		this.listeners = listeners;
		this.template = template;
	}

	/**
	 * Every channel ({@code GET /actuator/switchboard}).
	 * @return each channel with its pattern, transport, counts, sender and listeners
	 */
	@ReadOperation
	public SwitchboardDescriptor channels() {
		Map<String, ChannelDescriptor> descriptors = new LinkedHashMap<>();
		for (ChannelSpec channel : this.channels.getAll()) {
			descriptors.put(channel.name(), describe(channel));
		}
		return new SwitchboardDescriptor(descriptors);
	}

	/**
	 * One channel ({@code GET /actuator/switchboard/{name}}).
	 * @param name the channel name
	 * @return the channel, or {@code null} (a 404) when there is no channel of that name
	 */
	@ReadOperation
	public @Nullable ChannelDescriptor channel(@Selector String name) {
		ChannelSpec channel = this.channels.get(name);
		return (channel != null) ? describe(channel) : null;
	}

	/**
	 * Pause or resume a listener by its id, or every listener of a channel by the channel's
	 * name.
	 * @param name a listener id or a channel name
	 * @param state {@code paused} or {@code running}
	 * @return the listeners as they are now
	 * @throws InvalidEndpointRequestException (400) for an unknown state, or a name that is
	 * neither a listener nor a channel with listeners
	 */
	@WriteOperation
	public ListenersDescriptor setState(@Selector String name, String state) {
		boolean pause = switch (state.toLowerCase(Locale.ROOT)) {
			case "paused" -> true;
			case "running" -> false;
			default -> throw new InvalidEndpointRequestException("Unknown state '" + state + "'",
					"State must be 'paused' or 'running'");
		};
		List<ListenerEndpoint> targets = this.listeners.getEndpoints()
			.stream()
			.filter((endpoint) -> endpoint.id().equals(name))
			.toList();
		if (targets.isEmpty()) {
			targets = this.listeners.getEndpoints().stream().filter((endpoint) -> endpoint.channel().equals(name)).toList();
		}
		if (targets.isEmpty()) {
			throw new InvalidEndpointRequestException("No listener '" + name + "'",
					"No listener has id '" + name + "' and no channel named '" + name + "' has listeners here");
		}
		for (ListenerEndpoint endpoint : targets) {
			InboundBinding binding = this.listeners.getBinding(endpoint.id());
			if (binding == null) {
				throw new InvalidEndpointRequestException("Listener '" + endpoint.id() + "' is not bound",
						"Listener '" + endpoint.id() + "' is not running, so it cannot be paused or resumed");
			}
			if (pause) {
				binding.pause();
			}
			else {
				binding.resume();
			}
		}
		return new ListenersDescriptor(targets.stream().map(this::describe).toList());
	}

	private ChannelDescriptor describe(ChannelSpec channel) {
		List<ListenerDescriptor> listeners = new ArrayList<>();
		for (ListenerEndpoint endpoint : this.listeners.getEndpoints()) {
			if (endpoint.channel().equals(channel.name())) {
				listeners.add(describe(endpoint));
			}
		}
		Binding sender = (this.template != null) ? this.template.getBinding(channel.name()) : null;
		return new ChannelDescriptor(channel.pattern().id(), channel.transport(), Counts.of(channel.statistics()),
				(sender != null) ? sender.describe() : null, listeners);
	}

	private ListenerDescriptor describe(ListenerEndpoint endpoint) {
		InboundBinding binding = this.listeners.getBinding(endpoint.id());
		String state = (binding == null) ? "stopped" : binding.isPaused() ? "paused" : "running";
		return new ListenerDescriptor(endpoint.id(), endpoint.channel(), endpoint.topic(), endpoint.group(), state,
				(binding != null) ? binding.describe() : Map.of());
	}

	/**
	 * Every channel by name.
	 * @param channels the channels
	 */
	public record SwitchboardDescriptor(Map<String, ChannelDescriptor> channels) implements OperationResponseBody {

	}

	/**
	 * One channel.
	 * @param pattern its pattern
	 * @param transport its transport
	 * @param counts its running counts
	 * @param sender where this application's sending side is attached, or {@code null} when
	 * it has not sent on the channel
	 * @param listeners its listeners in this application
	 */
	public record ChannelDescriptor(String pattern, String transport, Counts counts,
			@Nullable Map<String, Object> sender, List<ListenerDescriptor> listeners) implements OperationResponseBody {

	}

	/**
	 * One listener.
	 * @param id its id, to pause or resume it by
	 * @param channel its channel
	 * @param topic its topic filter, or {@code null}
	 * @param group its pub-sub group, or {@code null}
	 * @param state {@code running}, {@code paused} or {@code stopped}
	 * @param binding where it is attached on the transport
	 */
	public record ListenerDescriptor(String id, String channel, @Nullable String topic, @Nullable String group,
			String state, Map<String, Object> binding) {

	}

	/**
	 * The listeners a write operation changed.
	 * @param listeners the listeners as they are now
	 */
	public record ListenersDescriptor(List<ListenerDescriptor> listeners) implements OperationResponseBody {

	}

	/**
	 * A channel's counts, as in {@link ChannelStatistics}.
	 */
	public record Counts(long sent, long received, long failed, long retried, long deadLettered, long malformed,
			long dropped, long timedOut, long rejectedPeers) {

		static Counts of(ChannelStatistics statistics) {
			return new Counts(statistics.getSent(), statistics.getReceived(), statistics.getFailed(),
					statistics.getRetried(), statistics.getDeadLettered(), statistics.getMalformed(),
					statistics.getDropped(), statistics.getTimedOut(), statistics.getRejectedPeers());
		}

	}

}
