package dev.switchboard.amqp;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import dev.switchboard.BindingException;
import dev.switchboard.binder.InboundBinding;
import dev.switchboard.binder.InboundHandler;
import dev.switchboard.core.ChannelSpec;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A listener's consumers: one AMQP channel and consumer per unit of concurrency, all on the
 * consuming connection, each with its own prefetch. Closing cancels the consumers and closes
 * their channels, so unacknowledged messages go back to the queue.
 *
 * <p>When the broker cancels a consumer (its queue was deleted, or a cluster node holding it
 * went away), the consumer declares the queue again and re-subscribes on the same channel,
 * up to {@value #RESUBSCRIBE_ATTEMPTS} attempts {@value #RESUBSCRIBE_INTERVAL_MILLIS} ms
 * apart; then it gives up and says so in the log.
 */
final class AmqpInboundBinding implements InboundBinding {

	static final int RESUBSCRIBE_ATTEMPTS = 10;

	static final long RESUBSCRIBE_INTERVAL_MILLIS = 1000;

	private static final Log logger = LogFactory.getLog(AmqpInboundBinding.class);

	private final ChannelSpec channel;

	private final ConsumerSettings settings;

	private final InboundHandler handler;

	private final ReplySender replies;

	private final ScheduledExecutorService timer;

	private final DeadLetterLog deadLetterLog;

	private final List<Channel> consumers = new CopyOnWriteArrayList<>();

	private final AtomicBoolean closed = new AtomicBoolean();

	private AmqpInboundBinding(ChannelSpec channel, ConsumerSettings settings, InboundHandler handler,
			ReplySender replies, ScheduledExecutorService timer) {
		this.channel = channel;
		this.settings = settings;
		this.handler = handler;
		this.replies = replies;
		this.timer = timer;
		this.deadLetterLog = new DeadLetterLog(channel.name());
	}

	/**
	 * Declare a listener's queue and start its consumers.
	 * @param channel the channel
	 * @param settings how to consume
	 * @param opener opens channels on the consuming connection
	 * @param handler the handler to call
	 * @param replies sends the handler's results
	 * @param timer schedules re-subscriptions after the broker cancelled a consumer
	 * @return the running binding
	 */
	static AmqpInboundBinding start(ChannelSpec channel, ConsumerSettings settings, Supplier<Channel> opener,
			InboundHandler handler, ReplySender replies, ScheduledExecutorService timer) {
		AmqpInboundBinding binding = new AmqpInboundBinding(channel, settings, handler, replies, timer);
		try {
			Channel first = opener.get();
			binding.consumers.add(first);
			String queue = settings.declaration().declare(first);
			binding.consume(first, queue);
			for (int i = 1; i < settings.concurrency(); i++) {
				Channel amqp = opener.get();
				binding.consumers.add(amqp);
				binding.consume(amqp, queue);
			}
			return binding;
		}
		catch (RuntimeException ex) {
			binding.close();
			throw ex;
		}
	}

	private void consume(Channel amqp, String queue) {
		try {
			amqp.basicQos(this.settings.prefetch());
			amqp.basicConsume(queue, false, new DeliveryConsumer(amqp, this.channel, this.handler, this.replies,
					this.settings.withTopic(), this.settings.deadLetters(), this.deadLetterLog,
					() -> resubscribe(amqp, 1)));
		}
		catch (IOException | ShutdownSignalException ex) {
			throw new BindingException("Channel '" + this.channel.name() + "': could not consume from queue '" + queue
					+ "': " + BrokerFailures.reason(ex), ex);
		}
	}

	/**
	 * Declare the queue again and consume from it on the channel whose consumer the broker
	 * cancelled, retrying later while that fails.
	 */
	private void resubscribe(Channel amqp, int attempt) {
		if (this.closed.get() || !amqp.isOpen()) {
			return;
		}
		try {
			String queue = this.settings.declaration().declare(amqp);
			consume(amqp, queue);
			logger.info("Channel '" + this.channel.name() + "': consuming again from queue '" + queue
					+ "' after RabbitMQ cancelled the consumer");
		}
		catch (RuntimeException ex) {
			if (attempt >= RESUBSCRIBE_ATTEMPTS || !amqp.isOpen()) {
				logger.error("Channel '" + this.channel.name() + "': gave up consuming again after RabbitMQ cancelled"
						+ " the consumer (" + attempt + " attempts): " + ex.getMessage()
						+ "; this listener receives nothing more until the application restarts", ex);
				return;
			}
			schedule(amqp, attempt + 1);
		}
	}

	private void schedule(Channel amqp, int attempt) {
		try {
			this.timer.schedule(() -> resubscribe(amqp, attempt), RESUBSCRIBE_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// The binder is closing.
		}
	}

	@Override
	public ChannelSpec channel() {
		return this.channel;
	}

	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.consumers.forEach(AmqpInboundBinding::closeQuietly);
		}
	}

	/**
	 * Close a channel that nothing depends on any more; failing to close it changes nothing.
	 * @param amqp the channel
	 */
	static void closeQuietly(Channel amqp) {
		try {
			if (amqp.isOpen()) {
				amqp.close();
			}
		}
		catch (IOException | java.util.concurrent.TimeoutException | ShutdownSignalException ex) {
			// Also when the channel was already closing, for example after a consumer failed.
			logger.debug("Error closing an AMQP consumer channel", ex);
		}
	}

}
