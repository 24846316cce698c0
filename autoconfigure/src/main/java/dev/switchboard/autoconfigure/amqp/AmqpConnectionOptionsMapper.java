package dev.switchboard.autoconfigure.amqp;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import dev.switchboard.ChannelConfigurationException;
import dev.switchboard.amqp.AmqpConnectionOptions;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Builds the binder's {@link AmqpConnectionOptions} with this precedence for each setting:
 * {@code switchboard.amqp.*} when the application sets it, else Boot's
 * {@code spring.rabbitmq.*} counterpart when it sets that, else the
 * {@link AmqpProperties} default. Boot's properties are read from the {@link Environment},
 * so the application needs neither spring-boot-amqp nor spring-rabbit.
 */
final class AmqpConnectionOptionsMapper {

	private static final String PREFIX = "switchboard.amqp.";

	private AmqpConnectionOptionsMapper() {
	}

	static AmqpConnectionOptions map(AmqpProperties properties, Environment environment) {
		Binder binder = Binder.get(environment);
		SpringRabbitProperties rabbit = new SpringRabbitProperties(binder);
		try {
			return AmqpConnectionOptions.builder()
				.addresses(choose(binder, "addresses", Bindable.listOf(String.class), properties.getAddresses(),
						rabbit::addresses))
				.username(choose(binder, "username", properties.getUsername(), rabbit::username))
				.password(choose(binder, "password", properties.getPassword(), rabbit::password))
				.virtualHost(choose(binder, "virtual-host", properties.getVirtualHost(), rabbit::virtualHost))
				.connectionName(properties.getConnectionName())
				.heartbeat(heartbeat(properties.getHeartbeat()))
				.recoveryInterval(properties.getRecoveryInterval())
				.connectionTimeout(properties.getConnectionTimeout())
				.publisherChannels(properties.getPublisherChannels())
				.blockedTimeout(properties.getBlockedTimeout())
				.sendRecoveryTimeout(properties.getSendRecoveryTimeout())
				.build();
		}
		catch (IllegalArgumentException ex) {
			throw new ChannelConfigurationException(ex.getMessage() + ": correct the switchboard.amqp.* property");
		}
	}

	private static String choose(Binder binder, String name, String configured,
			Supplier<@Nullable String> fallback) {
		return choose(binder, name, Bindable.of(String.class), configured, fallback);
	}

	/**
	 * The fallback is read only when it is used, so a Boot setting that Switchboard cannot
	 * honour fails startup only if {@code switchboard.amqp.*} does not replace it.
	 */
	private static <T> T choose(Binder binder, String name, Bindable<T> type, T configured,
			Supplier<@Nullable T> fallback) {
		if (binder.bind(PREFIX + name, type).isBound()) {
			return configured;
		}
		T value = fallback.get();
		return (value != null) ? value : configured;
	}

	/**
	 * amqp-client takes whole seconds, so a shorter heartbeat would silently become "off".
	 */
	private static Duration heartbeat(Duration heartbeat) {
		if (heartbeat.isNegative() || heartbeat.toMillis() % 1000 != 0) {
			throw new ChannelConfigurationException("switchboard.amqp.heartbeat is " + heartbeat
					+ ": set it to whole seconds, such as 30s, or to 0 to disable heartbeats");
		}
		return heartbeat;
	}

	/**
	 * The part of Boot's {@code spring.rabbitmq.*} that says where the broker is and who logs
	 * in; each value {@code null} when the application does not set it.
	 */
	private static final class SpringRabbitProperties {

		private static final String SPRING_PREFIX = "spring.rabbitmq.";

		private static final String DEFAULT_HOST = "localhost";

		private static final int DEFAULT_PORT = 5672;

		private final Binder binder;

		SpringRabbitProperties(Binder binder) {
			this.binder = binder;
		}

		/**
		 * Boot's {@code addresses} win over {@code host} and {@code port}, as in Boot itself.
		 */
		@Nullable List<String> addresses() {
			List<String> addresses = this.binder.bind(SPRING_PREFIX + "addresses", Bindable.listOf(String.class))
				.orElse(null);
			if (addresses != null) {
				addresses.forEach(SpringRabbitProperties::requireHostAndPort);
				return addresses.stream().map(String::trim).toList();
			}
			String host = string("host");
			Integer port = this.binder.bind(SPRING_PREFIX + "port", Integer.class).orElse(null);
			if (host == null && port == null) {
				return null;
			}
			return List.of(((host != null) ? host : DEFAULT_HOST) + ":" + ((port != null) ? port : DEFAULT_PORT));
		}

		@Nullable String username() {
			return string("username");
		}

		@Nullable String password() {
			return string("password");
		}

		@Nullable String virtualHost() {
			return string("virtual-host");
		}

		/**
		 * Boot also accepts {@code amqp://user:secret@host/vhost} URIs; taking only their host
		 * would silently drop the credentials, TLS or virtual host, so they are refused. The
		 * message does not repeat the entry, which may hold a password.
		 */
		private static void requireHostAndPort(String address) {
			if (address.contains("://") || address.contains("@")) {
				throw new ChannelConfigurationException("spring.rabbitmq.addresses has a URI entry, but Switchboard"
						+ " reads only host[:port] entries from it: set switchboard.amqp.addresses (and"
						+ " switchboard.amqp.username, password and virtual-host) instead");
			}
		}

		private @Nullable String string(String name) {
			return this.binder.bind(SPRING_PREFIX + name, String.class).orElse(null);
		}

	}

}
