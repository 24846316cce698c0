package dev.switchboard.amqp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import com.rabbitmq.client.AlreadyClosedException;
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
 */
final class AmqpInboundBinding implements InboundBinding {

	private static final Log logger = LogFactory.getLog(AmqpInboundBinding.class);

	private final ChannelSpec channel;

	private final List<Channel> consumers;

	private final AtomicBoolean closed = new AtomicBoolean();

	private AmqpInboundBinding(ChannelSpec channel, List<Channel> consumers) {
		this.channel = channel;
		this.consumers = consumers;
	}

	/**
	 * Declare a listener's queue and start its consumers.
	 * @param channel the channel
	 * @param settings how to consume
	 * @param opener opens channels on the consuming connection
	 * @param handler the handler to call
	 * @param replies sends the handler's results
	 * @return the running binding
	 */
	static AmqpInboundBinding start(ChannelSpec channel, ConsumerSettings settings, Supplier<Channel> opener,
			InboundHandler handler, ReplySender replies) {
		List<Channel> consumers = new ArrayList<>(settings.concurrency());
		try {
			Channel first = opener.get();
			consumers.add(first);
			String queue = settings.declaration().declare(first);
			consume(first, channel, queue, settings, handler, replies);
			for (int i = 1; i < settings.concurrency(); i++) {
				Channel amqp = opener.get();
				consumers.add(amqp);
				consume(amqp, channel, queue, settings, handler, replies);
			}
			return new AmqpInboundBinding(channel, consumers);
		}
		catch (RuntimeException ex) {
			consumers.forEach(AmqpInboundBinding::closeQuietly);
			throw ex;
		}
	}

	private static void consume(Channel amqp, ChannelSpec channel, String queue, ConsumerSettings settings,
			InboundHandler handler, ReplySender replies) {
		try {
			amqp.basicQos(settings.prefetch());
			amqp.basicConsume(queue, false,
					new DeliveryConsumer(amqp, channel, handler, replies, settings.withTopic(), settings.deadLetters()));
		}
		catch (IOException | AlreadyClosedException ex) {
			throw new BindingException("Channel '" + channel.name() + "': could not consume from queue '" + queue
					+ "': " + BrokerFailures.reason(ex), ex);
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
