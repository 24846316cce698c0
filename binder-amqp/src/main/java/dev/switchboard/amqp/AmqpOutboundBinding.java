package dev.switchboard.amqp;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.AMQP;
import dev.switchboard.BindingException;
import dev.switchboard.binder.OutboundBinding;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.WireMessage;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The sending side of a pub-sub, pipeline or pair channel. With confirms on (the default),
 * {@link #send} returns only after the broker has confirmed the message, which for a durable
 * queue and a persistent message means it is on disk.
 */
final class AmqpOutboundBinding implements OutboundBinding {

	private static final Log logger = LogFactory.getLog(AmqpOutboundBinding.class);

	private static final long CONFIRM_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

	private final ChannelSpec channel;

	private final PublisherLanes lanes;

	private final String exchange;

	private final @Nullable String routingKey;

	private final boolean persistent;

	private final boolean mandatory;

	private final Duration confirmTimeout;

	/**
	 * The properties of the last message sent without a correlation id or headers.
	 */
	private volatile AMQP.@Nullable BasicProperties plain;

	/**
	 * Create the binding.
	 * @param channel the channel
	 * @param lanes the channels to publish on
	 * @param exchange the exchange to publish to
	 * @param routingKey the fixed routing key, or {@code null} to route by each message's topic
	 * @param options the channel's options
	 */
	AmqpOutboundBinding(ChannelSpec channel, PublisherLanes lanes, String exchange, @Nullable String routingKey,
			AmqpChannelOptions options) {
		this.channel = channel;
		this.lanes = lanes;
		this.exchange = exchange;
		this.routingKey = routingKey;
		this.persistent = options.persistent();
		// A pub-sub topic nobody subscribes to is normal; a pipeline or pair queue that is gone is not.
		this.mandatory = routingKey != null;
		this.confirmTimeout = options.confirmTimeout();
	}

	/**
	 * Publish and, with confirms, wait for the broker's confirm. When the connection is lost
	 * before the confirm (or while it is down), the send waits for it to recover, up to
	 * {@code send-recovery-timeout}, and publishes again: at least once, never silently lost.
	 * A message no queue took (pipeline and pair sends are mandatory) fails the send.
	 */
	@Override
	public Map<String, Object> describe() {
		return (this.routingKey != null) ? Map.of("exchange", this.exchange, "routingKey", this.routingKey)
				: Map.of("exchange", this.exchange);
	}

	@Override
	public void send(WireMessage message) {
		String key = (this.routingKey != null) ? this.routingKey : (message.topic() != null) ? message.topic() : "";
		AMQP.BasicProperties properties = properties(message);
		long since = System.nanoTime();
		for (int attempt = 1;; attempt++) {
			try {
				awaitConfirm(this.lanes.publish(this.exchange, key, this.mandatory, properties, message.payload()));
				if (attempt > 1) {
					logger.info("Channel '" + this.channel.name() + "': sent again after the connection recovered ("
							+ attempt + " attempts)");
				}
				return;
			}
			catch (ConnectionLostException ex) {
				if (!this.lanes.gate().awaitConnection(since)) {
					throw new BindingException("Channel '" + this.channel.name() + "': the connection to RabbitMQ"
							+ " did not recover within " + this.lanes.gate().recoveryTimeout().toMillis() + " ms, so the"
							+ " message may or may not have arrived (" + ex.getMessage() + "); raise"
							+ " switchboard.amqp.send-recovery-timeout to wait longer", ex);
				}
			}
			catch (BindingException ex) {
				throw (ex.getMessage() != null && ex.getMessage().startsWith("Channel '")) ? ex
						: new BindingException("Channel '" + this.channel.name() + "': " + ex.getMessage(), ex);
			}
		}
	}

	/**
	 * The properties of a message that brings nothing of its own (no correlation id, no
	 * headers) depend only on its content type, and amqp-client does not change the
	 * properties it is given: such messages share them, as a plain amqp-client program
	 * shares one set for all it sends, instead of building a set each.
	 */
	private AMQP.BasicProperties properties(WireMessage message) {
		if (message.correlationId() != null || !message.headers().isEmpty()) {
			return AmqpMessages.properties(message, this.persistent);
		}
		AMQP.BasicProperties plain = this.plain;
		if (plain == null || !Objects.equals(plain.getContentType(), message.contentType())) {
			plain = AmqpMessages.properties(message, this.persistent);
			this.plain = plain;
		}
		return plain;
	}

	private void awaitConfirm(CompletableFuture<Void> confirmed) {
		awaitConfirm(this.channel.name(), this.confirmTimeout, this.lanes.gate(), confirmed);
	}

	/**
	 * Wait for a publisher confirm, turning every way it can fail into a
	 * {@link BindingException} that names the channel. While the broker blocks the
	 * connection the confirm cannot come, so the wait then ends after the blocked timeout.
	 * @param channel the channel name
	 * @param timeout how long to wait
	 * @param gate tells whether the broker blocks the connection
	 * @param confirmed the confirm future of the publish
	 */
	static void awaitConfirm(String channel, Duration timeout, PublishGate gate, CompletableFuture<Void> confirmed) {
		long deadline = System.nanoTime() + timeout.toNanos();
		long blockedSince = 0;
		try {
			while (true) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new TimeoutException();
				}
				try {
					confirmed.get(Math.min(left, CONFIRM_POLL_NANOS), TimeUnit.NANOSECONDS);
					return;
				}
				catch (TimeoutException ex) {
					if (!gate.isBlocked()) {
						blockedSince = 0;
					}
					else if (blockedSince == 0) {
						blockedSince = System.nanoTime();
					}
					else if (System.nanoTime() - blockedSince >= gate.blockedTimeout().toNanos()) {
						throw new BindingException("Channel '" + channel + "': RabbitMQ blocks publishing ("
								+ gate.blockedReason() + ") and did not confirm the message within "
								+ gate.blockedTimeout().toMillis() + " ms of blocking: the broker has a resource alarm"
								+ " (memory or disk); the message waits in the connection's buffer and may still"
								+ " arrive; free resources on the broker, or raise switchboard.amqp.blocked-timeout"
								+ " to wait longer");
					}
				}
			}
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof ConnectionLostException lost) {
				throw lost;
			}
			throw new BindingException("Channel '" + channel + "': " + ((ex.getCause() != null)
					? ex.getCause().getMessage() : "send failed"), ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new BindingException("Channel '" + channel + "': RabbitMQ did not confirm the message"
					+ " within " + timeout.toMillis() + " ms, so it may or may not have arrived; check the"
					+ " broker's health or raise switchboard.channels." + channel + ".amqp.confirm-timeout");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BindingException("Channel '" + channel
					+ "': interrupted while waiting for RabbitMQ to confirm a message", ex);
		}
	}

	@Override
	public ChannelSpec channel() {
		return this.channel;
	}

	@Override
	public void close() {
		this.lanes.close();
	}

}
