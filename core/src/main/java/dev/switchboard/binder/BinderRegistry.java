package dev.switchboard.binder;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.ChannelConfigurationException;
import dev.switchboard.core.ChannelSpec;

/**
 * The binders available to an application, by transport name.
 */
public class BinderRegistry {

	private final Map<String, Binder> binders = new LinkedHashMap<>();

	public BinderRegistry(Collection<? extends Binder> binders) {
		for (Binder binder : binders) {
			this.binders.put(binder.transport(), binder);
		}
	}

	/**
	 * Every binder, in the order they were given.
	 * @return the binders
	 */
	public Collection<Binder> getBinders() {
		return List.copyOf(this.binders.values());
	}

	/**
	 * Return the binder that carries a channel.
	 * @param channel the channel
	 * @return its binder
	 * @throws ChannelConfigurationException if the channel names a transport with no binder
	 */
	public Binder getBinder(ChannelSpec channel) {
		Binder binder = this.binders.get(channel.transport());
		if (binder == null) {
			throw new ChannelConfigurationException("Channel '" + channel.name() + "' uses transport '"
					+ channel.transport() + "' but only " + this.binders.keySet()
					+ " are available; set switchboard.channels." + channel.name()
					+ ".transport (or switchboard.transport) to one of them, or add that binder to the classpath");
		}
		return binder;
	}

}
