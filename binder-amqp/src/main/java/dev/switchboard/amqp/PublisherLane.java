package dev.switchboard.amqp;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.ShutdownSignalException;
import dev.switchboard.BindingException;

import org.jspecify.annotations.Nullable;

/**
 * One AMQP channel that several threads publish on, one at a time. The lock covers only the
 * publish itself; with confirms on, each publisher gets a future completed by the broker's
 * ack (or failed by its nack), so threads wait for their own confirms concurrently rather
 * than queueing behind one another's round trips.
 *
 * <p>A channel the broker closed (for example after publishing to a deleted exchange) is
 * reopened on the next publish; unconfirmed messages on a channel that shut down fail, since
 * their sequence numbers mean nothing to the channel that replaces it.
 */
final class PublisherLane implements AutoCloseable {

	private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

	private final Supplier<Channel> opener;

	private final ChannelInitializer initializer;

	private final boolean confirms;

	private final ReentrantLock lock = new ReentrantLock();

	private final ConcurrentNavigableMap<Long, CompletableFuture<Void>> unconfirmed = new ConcurrentSkipListMap<>();

	private @Nullable Channel channel;

	private boolean closed;

	PublisherLane(Supplier<Channel> opener, ChannelInitializer initializer, boolean confirms) {
		this.opener = opener;
		this.initializer = initializer;
		this.confirms = confirms;
	}

	/**
	 * Publish a message.
	 * @param exchange the exchange, {@code ""} for the default exchange
	 * @param routingKey the routing key
	 * @param properties the message properties
	 * @param body the body
	 * @return a future completed when the broker confirms the message, or at once when
	 * confirms are off
	 * @throws BindingException if the channel cannot be opened or the publish fails
	 */
	CompletableFuture<Void> publish(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body) {
		this.lock.lock();
		try {
			Channel channel = open();
			if (!this.confirms) {
				channel.basicPublish(exchange, routingKey, properties, body);
				return DONE;
			}
			long sequence = channel.getNextPublishSeqNo();
			CompletableFuture<Void> confirmed = new CompletableFuture<>();
			this.unconfirmed.put(sequence, confirmed);
			try {
				channel.basicPublish(exchange, routingKey, properties, body);
			}
			catch (IOException | RuntimeException ex) {
				this.unconfirmed.remove(sequence);
				throw ex;
			}
			return confirmed;
		}
		catch (IOException | AlreadyClosedException ex) {
			throw new BindingException("Could not publish to RabbitMQ (exchange '" + exchange + "', routing key '"
					+ routingKey + "'): " + BrokerFailures.reason(ex), ex);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Open the channel now, so that problems surface when a binding is created rather than
	 * on its first send.
	 * @return the open channel, for declarations that should live as long as it does
	 */
	Channel channel() {
		this.lock.lock();
		try {
			return open();
		}
		finally {
			this.lock.unlock();
		}
	}

	private Channel open() {
		if (this.closed) {
			throw new BindingException("This binding is closed");
		}
		Channel channel = this.channel;
		if (channel != null && channel.isOpen()) {
			return channel;
		}
		channel = this.opener.get();
		try {
			if (this.confirms) {
				channel.confirmSelect();
				channel.addConfirmListener(new Confirms());
				channel.addShutdownListener(this::failUnconfirmed);
			}
			this.initializer.initialize(channel);
		}
		catch (IOException ex) {
			throw new BindingException("Could not prepare an AMQP channel: " + BrokerFailures.reason(ex), ex);
		}
		this.channel = channel;
		return channel;
	}

	private void failUnconfirmed(ShutdownSignalException cause) {
		Map.Entry<Long, CompletableFuture<Void>> entry;
		while ((entry = this.unconfirmed.pollFirstEntry()) != null) {
			entry.getValue()
				.completeExceptionally(new BindingException("The AMQP channel closed before RabbitMQ confirmed the"
						+ " message, so it may or may not have arrived: " + cause.getMessage(), cause));
		}
	}

	@Override
	public void close() {
		this.lock.lock();
		try {
			this.closed = true;
			Channel channel = this.channel;
			this.channel = null;
			if (channel != null && channel.isOpen()) {
				channel.close();
			}
		}
		catch (IOException | java.util.concurrent.TimeoutException | AlreadyClosedException ex) {
			// The channel is gone either way.
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Completes the futures of the messages the broker acknowledges or rejects.
	 */
	private final class Confirms implements ConfirmListener {

		@Override
		public void handleAck(long sequence, boolean multiple) {
			settle(sequence, multiple, null);
		}

		@Override
		public void handleNack(long sequence, boolean multiple) {
			settle(sequence, multiple,
					new BindingException("RabbitMQ rejected the message (basic.nack): the queue may have hit its"
							+ " length limit, or the broker failed to store it; send it again"));
		}

		private void settle(long sequence, boolean multiple, @Nullable BindingException failure) {
			if (multiple) {
				Map<Long, CompletableFuture<Void>> settled = PublisherLane.this.unconfirmed.headMap(sequence, true);
				settled.values().forEach((confirmed) -> complete(confirmed, failure));
				settled.clear();
			}
			else {
				CompletableFuture<Void> confirmed = PublisherLane.this.unconfirmed.remove(sequence);
				if (confirmed != null) {
					complete(confirmed, failure);
				}
			}
		}

		private void complete(CompletableFuture<Void> confirmed, @Nullable BindingException failure) {
			if (failure != null) {
				confirmed.completeExceptionally(failure);
			}
			else {
				confirmed.complete(null);
			}
		}

	}

}
