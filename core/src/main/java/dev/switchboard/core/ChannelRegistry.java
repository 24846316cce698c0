package dev.switchboard.core;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.switchboard.ChannelConfigurationException;

import org.jspecify.annotations.Nullable;

/**
 * The channels an application has defined, by name. Asking for an undefined channel fails
 * with a message that says how to define it.
 */
public class ChannelRegistry {

	private final Map<String, ChannelSpec> channels;

	public ChannelRegistry(Collection<ChannelSpec> channels) {
		Map<String, ChannelSpec> byName = new LinkedHashMap<>();
		for (ChannelSpec channel : channels) {
			if (byName.put(channel.name(), channel) != null) {
				throw new ChannelConfigurationException("Channel '" + channel.name() + "' is defined twice");
			}
		}
		this.channels = Collections.unmodifiableMap(byName);
	}

	/**
	 * Return the channel with the given name.
	 * @param name the channel name
	 * @return the channel
	 * @throws ChannelConfigurationException if no such channel is defined
	 */
	public ChannelSpec getRequired(String name) {
		ChannelSpec channel = this.channels.get(name);
		if (channel == null) {
			throw new ChannelConfigurationException("No channel named '" + name + "' is defined (defined: "
					+ this.channels.keySet() + "); add 'switchboard.channels." + name
					+ ".pattern' (request-reply, pub-sub, pipeline or pair) to the configuration");
		}
		return channel;
	}

	public @Nullable ChannelSpec get(String name) {
		return this.channels.get(name);
	}

	public Collection<ChannelSpec> getAll() {
		return this.channels.values();
	}

}
