package dev.switchboard.autoconfigure.amqp;

import java.util.Map;
import java.util.stream.Collectors;

import dev.switchboard.ChannelConfigurationException;
import dev.switchboard.amqp.AmqpChannelOptions;
import dev.switchboard.amqp.AmqpChannelOptionsResolver;
import dev.switchboard.amqp.PairSide;
import dev.switchboard.autoconfigure.SwitchboardProperties;

/**
 * Resolves each channel's AMQP settings from {@code switchboard.channels.<name>.amqp}. The
 * options are built, and so checked, once when the binder is created: a bad value fails
 * startup naming the property, and a lookup costs one map access.
 */
final class PropertiesAmqpChannelOptionsResolver implements AmqpChannelOptionsResolver {

	private final Map<String, AmqpChannelOptions> options;

	PropertiesAmqpChannelOptionsResolver(SwitchboardProperties properties) {
		this.options = properties.getChannels()
			.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
					(entry) -> toOptions(entry.getKey(), entry.getValue().getAmqp())));
	}

	@Override
	public AmqpChannelOptions resolve(String channel) {
		return this.options.getOrDefault(channel, AmqpChannelOptions.defaults());
	}

	private static AmqpChannelOptions toOptions(String channel, AmqpChannelProperties amqp) {
		try {
			return AmqpChannelOptions.builder()
				.queue(amqp.getQueue())
				.exchange(amqp.getExchange())
				.prefetch(amqp.getPrefetch())
				.durable(amqp.isDurable())
				.persistent(amqp.isPersistent())
				.confirms(amqp.isConfirms())
				.confirmTimeout(amqp.getConfirmTimeout())
				.side(PairSide.valueOf(amqp.getSide().name()))
				.deadLetterQueue(amqp.isDeadLetterQueue())
				.build();
		}
		catch (IllegalArgumentException ex) {
			throw new ChannelConfigurationException("Channel '" + channel + "': " + ex.getMessage()
					+ ": correct switchboard.channels." + channel + ".amqp.*");
		}
	}

}
