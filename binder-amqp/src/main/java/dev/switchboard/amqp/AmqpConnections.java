package dev.switchboard.amqp;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Recoverable;
import dev.switchboard.BindingException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The binder's two connections, opened on first use: one that publishes and one that
 * consumes, so that a broker blocking publishers (a memory or disk alarm) never stalls
 * delivery to listeners. Both recover automatically, topology included.
 */
final class AmqpConnections implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(AmqpConnections.class);

	private static final int CLOSE_TIMEOUT_MILLIS = 5000;

	static final String NOT_CONNECTED = "not connected";

	static final String OPEN = "open";

	private final AmqpConnectionOptions options;

	private final ConnectionFactory factory;

	private final List<Address> addresses;

	private final ExecutorService dispatcher;

	private final Map<String, String> blocked = new ConcurrentHashMap<>();

	private @Nullable Connection publishing;

	private @Nullable Connection consuming;

	private boolean closed;

	private final PublishGate gate;

	AmqpConnections(AmqpConnectionOptions options) {
		this.options = options;
		this.gate = new PublishGate(options.blockedTimeout(), options.sendRecoveryTimeout(), this::publishingOpen);
		this.factory = connectionFactory(options);
		this.addresses = options.addresses().stream().map(Address::parseAddress).toList();
		// One thread per busy consumer channel: concurrency is the number of channels, not a pool size.
		this.dispatcher = Executors.newCachedThreadPool(new CustomizableThreadFactory("switchboard-amqp-"));
	}

	private static ConnectionFactory connectionFactory(AmqpConnectionOptions options) {
		ConnectionFactory factory = new ConnectionFactory();
		factory.setUsername(options.username());
		factory.setPassword(options.password());
		factory.setVirtualHost(options.virtualHost());
		factory.setRequestedHeartbeat((int) options.heartbeat().toSeconds());
		factory.setConnectionTimeout((int) options.connectionTimeout().toMillis());
		factory.setAutomaticRecoveryEnabled(true);
		factory.setTopologyRecoveryEnabled(true);
		factory.setNetworkRecoveryInterval(options.recoveryInterval().toMillis());
		return factory;
	}

	/**
	 * Open a channel on the publishing connection, connecting first if needed.
	 * @return a new channel
	 */
	Channel publishingChannel() {
		return createChannel(publishing());
	}

	/**
	 * Open a channel on the consuming connection, connecting first if needed.
	 * @return a new channel
	 */
	Channel consumingChannel() {
		return createChannel(consuming());
	}

	private synchronized Connection publishing() {
		if (this.publishing == null) {
			Connection connection = connect("publisher", null);
			connection.addBlockedListener(this.gate);
			if (connection instanceof Recoverable recoverable) {
				recoverable.addRecoveryListener(this.gate);
			}
			this.publishing = connection;
		}
		return this.publishing;
	}

	private synchronized boolean publishingOpen() {
		return this.publishing != null && this.publishing.isOpen();
	}

	/**
	 * What publishers wait for: the broker lifting a resource alarm, the publishing
	 * connection recovering.
	 * @return the gate of the publishing connection
	 */
	PublishGate gate() {
		return this.gate;
	}

	private synchronized Connection consuming() {
		if (this.consuming == null) {
			this.consuming = connect("consumer", this.dispatcher);
		}
		return this.consuming;
	}

	private Connection connect(String role, @Nullable ExecutorService executor) {
		if (this.closed) {
			throw new BindingException("The AMQP binder is closed");
		}
		try {
			Connection connection = this.factory.newConnection(executor, this.addresses,
					this.options.connectionName() + "-" + role);
			connection.addBlockedListener((reason) -> this.blocked.put(role, reason), () -> this.blocked.remove(role));
			return connection;
		}
		catch (IOException | TimeoutException ex) {
			throw BrokerFailures.connectionFailed(this.options, ex);
		}
	}

	private Channel createChannel(Connection connection) {
		try {
			Channel channel = connection.createChannel();
			if (channel == null) {
				throw new BindingException("RabbitMQ at " + this.options.addresses()
						+ " has no channel left on the connection: close unused bindings or raise the broker's channel_max");
			}
			return channel;
		}
		catch (IOException ex) {
			throw new BindingException("Cannot open a channel to RabbitMQ at " + this.options.addresses() + ": "
					+ BrokerFailures.reason(ex), ex);
		}
		catch (AlreadyClosedException ex) {
			throw new BindingException("Cannot open a channel to RabbitMQ at " + this.options.addresses()
					+ ": the connection is down (" + BrokerFailures.reason(ex) + "); the binder tries to recover it every "
					+ this.options.recoveryInterval().toSeconds() + " s, so bind or send again once the broker is back", ex);
		}
	}

	/**
	 * The state of both connections, without touching the network.
	 * @return a connection's name mapped to {@code not connected} (never needed yet),
	 * {@code open} (with {@code , blocked by the broker: <reason>} while a memory or disk
	 * alarm holds its publishers), or {@code down: <reason>} while it recovers or after it
	 * closed
	 */
	synchronized Map<String, String> state() {
		Map<String, String> state = new LinkedHashMap<>();
		state.put("publisher", state("publisher", this.publishing));
		state.put("consumer", state("consumer", this.consuming));
		return state;
	}

	private String state(String role, @Nullable Connection connection) {
		if (connection == null) {
			return NOT_CONNECTED;
		}
		if (connection.isOpen()) {
			String blockedBy = this.blocked.get(role);
			return (blockedBy != null) ? OPEN + ", blocked by the broker: " + blockedBy : OPEN;
		}
		return "down: " + ((connection.getCloseReason() != null) ? BrokerFailures.reason(connection.getCloseReason())
				: "closed");
	}

	AmqpConnectionOptions options() {
		return this.options;
	}

	@Override
	public synchronized void close() {
		this.closed = true;
		close(this.publishing);
		close(this.consuming);
		this.publishing = null;
		this.consuming = null;
		this.dispatcher.shutdown();
		try {
			if (!this.dispatcher.awaitTermination(CLOSE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
				logger.warn("AMQP listener threads did not finish within " + CLOSE_TIMEOUT_MILLIS + " ms");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void close(@Nullable Connection connection) {
		if (connection != null && connection.isOpen()) {
			try {
				connection.close(CLOSE_TIMEOUT_MILLIS);
			}
			catch (IOException | RuntimeException ex) {
				logger.debug("Error closing AMQP connection", ex);
			}
		}
	}

}
