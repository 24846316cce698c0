package dev.switchboard.amqp;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * How the binder reaches RabbitMQ. Immutable; start from {@link #builder()}, whose defaults
 * match a broker installed locally with its stock settings.
 *
 * @param addresses {@code host:port} pairs tried in order, more than one for a cluster
 * @param username the user to log in as
 * @param password the user's password
 * @param virtualHost the virtual host to open
 * @param connectionName the prefix of the client-provided connection names shown by the
 * broker's tools; the binder appends {@code -publisher} and {@code -consumer}
 * @param heartbeat the requested heartbeat interval; zero disables heartbeats
 * @param recoveryInterval how long to wait between attempts to recover a lost connection
 * @param connectionTimeout how long opening a connection may take
 * @param publisherChannels how many AMQP channels each sending binding spreads its threads
 * over, so concurrent senders do not queue behind one lock
 * @param blockedTimeout how long a send waits while the broker blocks publishing (a memory
 * or disk alarm) before it fails; zero fails at once
 * @param sendRecoveryTimeout how long a send waits for a lost publishing connection to
 * recover before it fails; a message whose confirm never came is published again once it
 * has, so a send during a broker restart is delivered at least once
 */
public record AmqpConnectionOptions(List<String> addresses, String username, String password, String virtualHost,
		String connectionName, Duration heartbeat, Duration recoveryInterval, Duration connectionTimeout,
		int publisherChannels, Duration blockedTimeout, Duration sendRecoveryTimeout) {

	public AmqpConnectionOptions {
		Assert.notEmpty(addresses, "At least one RabbitMQ address (host:port) is required");
		Assert.isTrue(publisherChannels > 0, "publisherChannels must be at least 1");
		Assert.isTrue(!blockedTimeout.isNegative(), "blockedTimeout must not be negative");
		Assert.isTrue(!sendRecoveryTimeout.isNegative(), "sendRecoveryTimeout must not be negative");
		addresses = List.copyOf(addresses);
	}

	/**
	 * Options for a broker on {@code 127.0.0.1:5672} with user {@code guest}.
	 * @return the default options
	 */
	public static AmqpConnectionOptions defaults() {
		return builder().build();
	}

	/**
	 * A builder holding the defaults.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds {@link AmqpConnectionOptions}; every setter is optional.
	 */
	public static final class Builder {

		private List<String> addresses = List.of("127.0.0.1:5672");

		private String username = "guest";

		private String password = "guest";

		private String virtualHost = "/";

		private String connectionName = "switchboard";

		private Duration heartbeat = Duration.ofSeconds(60);

		private Duration recoveryInterval = Duration.ofSeconds(5);

		private Duration connectionTimeout = Duration.ofSeconds(10);

		private int publisherChannels = 4;

		private Duration blockedTimeout = Duration.ofSeconds(10);

		private Duration sendRecoveryTimeout = Duration.ofSeconds(60);

		private Builder() {
		}

		public Builder addresses(List<String> addresses) {
			this.addresses = addresses;
			return this;
		}

		public Builder username(String username) {
			this.username = username;
			return this;
		}

		public Builder password(String password) {
			this.password = password;
			return this;
		}

		public Builder virtualHost(String virtualHost) {
			this.virtualHost = virtualHost;
			return this;
		}

		public Builder connectionName(@Nullable String connectionName) {
			if (connectionName != null) {
				this.connectionName = connectionName;
			}
			return this;
		}

		public Builder heartbeat(Duration heartbeat) {
			this.heartbeat = heartbeat;
			return this;
		}

		public Builder recoveryInterval(Duration recoveryInterval) {
			this.recoveryInterval = recoveryInterval;
			return this;
		}

		public Builder connectionTimeout(Duration connectionTimeout) {
			this.connectionTimeout = connectionTimeout;
			return this;
		}

		public Builder publisherChannels(int publisherChannels) {
			this.publisherChannels = publisherChannels;
			return this;
		}

		public Builder blockedTimeout(Duration blockedTimeout) {
			this.blockedTimeout = blockedTimeout;
			return this;
		}

		public Builder sendRecoveryTimeout(Duration sendRecoveryTimeout) {
			this.sendRecoveryTimeout = sendRecoveryTimeout;
			return this;
		}

		public AmqpConnectionOptions build() {
			return new AmqpConnectionOptions(this.addresses, this.username, this.password, this.virtualHost,
					this.connectionName, this.heartbeat, this.recoveryInterval, this.connectionTimeout,
					this.publisherChannels, this.blockedTimeout, this.sendRecoveryTimeout);
		}

	}

	@Override
	public String toString() {
		return "AmqpConnectionOptions[addresses=" + this.addresses + ", username=" + this.username
				+ ", virtualHost=" + this.virtualHost + ", connectionName=" + this.connectionName + "]";
	}

}
