package dev.switchboard.autoconfigure.amqp;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * How Switchboard reaches RabbitMQ, shared by every AMQP channel. A connection setting left
 * unset here is taken from Boot's {@code spring.rabbitmq.*} when the application configures
 * that, so an application already set up for RabbitMQ needs no second copy.
 */
@ConfigurationProperties("switchboard.amqp")
public class AmqpProperties {

	/**
	 * RabbitMQ host:port addresses tried in order; list several for a cluster.
	 */
	private List<String> addresses = new ArrayList<>(List.of("127.0.0.1:5672"));

	/**
	 * User to log in to RabbitMQ as.
	 */
	private String username = "guest";

	/**
	 * Password of that user.
	 */
	private String password = "guest";

	/**
	 * Virtual host to open on the broker.
	 */
	private String virtualHost = "/";

	/**
	 * Prefix of the connection names the broker shows; "-publisher" and "-consumer" are
	 * appended.
	 */
	private String connectionName = "switchboard";

	/**
	 * Heartbeat interval requested from the broker, in whole seconds; 0 disables heartbeats.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration heartbeat = Duration.ofSeconds(60);

	/**
	 * How long to wait between attempts to recover a lost connection.
	 */
	private Duration recoveryInterval = Duration.ofSeconds(5);

	/**
	 * How long opening a connection may take before startup fails.
	 */
	private Duration connectionTimeout = Duration.ofSeconds(10);

	/**
	 * AMQP channels each sending binding spreads its threads over, so concurrent senders do
	 * not queue behind one channel.
	 */
	private int publisherChannels = 4;

	/**
	 * How long a send waits while the broker blocks publishing (a memory or disk alarm)
	 * before it fails; 0 fails at once.
	 */
	private Duration blockedTimeout = Duration.ofSeconds(10);

	/**
	 * How long a send waits for a lost connection to recover before it fails; a message whose
	 * confirm never came is published again once it has (at-least-once).
	 */
	private Duration sendRecoveryTimeout = Duration.ofSeconds(60);

	public List<String> getAddresses() {
		return this.addresses;
	}

	public void setAddresses(List<String> addresses) {
		this.addresses = addresses;
	}

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getVirtualHost() {
		return this.virtualHost;
	}

	public void setVirtualHost(String virtualHost) {
		this.virtualHost = virtualHost;
	}

	public String getConnectionName() {
		return this.connectionName;
	}

	public void setConnectionName(String connectionName) {
		this.connectionName = connectionName;
	}

	public Duration getHeartbeat() {
		return this.heartbeat;
	}

	public void setHeartbeat(Duration heartbeat) {
		this.heartbeat = heartbeat;
	}

	public Duration getRecoveryInterval() {
		return this.recoveryInterval;
	}

	public void setRecoveryInterval(Duration recoveryInterval) {
		this.recoveryInterval = recoveryInterval;
	}

	public Duration getConnectionTimeout() {
		return this.connectionTimeout;
	}

	public void setConnectionTimeout(Duration connectionTimeout) {
		this.connectionTimeout = connectionTimeout;
	}

	public int getPublisherChannels() {
		return this.publisherChannels;
	}

	public void setPublisherChannels(int publisherChannels) {
		this.publisherChannels = publisherChannels;
	}

	public Duration getBlockedTimeout() {
		return this.blockedTimeout;
	}

	public void setBlockedTimeout(Duration blockedTimeout) {
		this.blockedTimeout = blockedTimeout;
	}

	public Duration getSendRecoveryTimeout() {
		return this.sendRecoveryTimeout;
	}

	public void setSendRecoveryTimeout(Duration sendRecoveryTimeout) {
		this.sendRecoveryTimeout = sendRecoveryTimeout;
	}

}
