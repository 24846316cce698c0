package dev.switchboard.amqp;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.switchboard.BindingException;
import dev.switchboard.binder.OutboundBinding;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.WireMessage;

import org.jspecify.annotations.Nullable;

/**
 * The sending side of a pub-sub, pipeline or pair channel. With confirms on (the default),
 * {@link #send} returns only after the broker has confirmed the message, which for a durable
 * queue and a persistent message means it is on disk.
 */
final class AmqpOutboundBinding implements OutboundBinding {

	private final ChannelSpec channel;

	private final PublisherLanes lanes;

	private final String exchange;

	private final @Nullable String routingKey;

	private final boolean persistent;

	private final Duration confirmTimeout;

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
		this.confirmTimeout = options.confirmTimeout();
	}

	@Override
	public Map<String, Object> describe() {
		return (this.routingKey != null) ? Map.of("exchange", this.exchange, "routingKey", this.routingKey)
				: Map.of("exchange", this.exchange);
	}

	@Override
	public void send(WireMessage message) {
		String key = (this.routingKey != null) ? this.routingKey : (message.topic() != null) ? message.topic() : "";
		CompletableFuture<Void> confirmed = this.lanes.publish(this.exchange, key,
				AmqpMessages.properties(message, this.persistent, null), message.payload());
		awaitConfirm(confirmed);
	}

	private void awaitConfirm(CompletableFuture<Void> confirmed) {
		try {
			confirmed.get(this.confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof BindingException failure) ? failure
					: new BindingException("Channel '" + this.channel.name() + "': send failed", ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new BindingException("Channel '" + this.channel.name() + "': RabbitMQ did not confirm the message"
					+ " within " + this.confirmTimeout.toMillis() + " ms, so it may or may not have arrived; check the"
					+ " broker's health or raise switchboard.channels." + this.channel.name() + ".amqp.confirm-timeout");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BindingException("Channel '" + this.channel.name()
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
