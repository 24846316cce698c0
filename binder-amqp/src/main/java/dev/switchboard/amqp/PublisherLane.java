package dev.switchboard.amqp;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import dev.switchboard.BindingException;

import org.jspecify.annotations.Nullable;

/**
 * One AMQP channel that several threads publish on, one at a time. The lock covers only the
 * publish itself; with confirms on, each publisher gets a future completed by the broker's
 * ack (or failed by its nack, or by a {@code basic.return} of a mandatory message no queue
 * took: see {@link PendingConfirms}), so threads wait for their own confirms concurrently
 * rather than queueing behind one another's round trips.
 *
 * <p>A channel the broker closed (for example after publishing to a deleted exchange) is
 * reopened on the next publish; unconfirmed messages on a channel that shut down fail, since
 * their sequence numbers mean nothing to the channel that replaces it. While the broker
 * blocks the connection (a resource alarm) a publish waits for the lock at most the
 * {@link PublishGate}'s blocked timeout, so a thread stuck in a blocked socket write does
 * not hold up the others forever.
 */
final class PublisherLane implements AutoCloseable {

	private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

	private static final long LOCK_POLL_MILLIS = 100;

	private final Supplier<Channel> opener;

	private final ChannelInitializer initializer;

	private final boolean confirms;

	private final PublishGate gate;

	private final ReentrantLock lock = new ReentrantLock();

	private final PendingConfirms pending = new PendingConfirms();

	private @Nullable Channel channel;

	private boolean closed;

	PublisherLane(Supplier<Channel> opener, ChannelInitializer initializer, boolean confirms, PublishGate gate) {
		this.opener = opener;
		this.initializer = initializer;
		this.confirms = confirms;
		this.gate = gate;
	}

	/**
	 * Publish a message.
	 * @param exchange the exchange, {@code ""} for the default exchange
	 * @param routingKey the routing key
	 * @param mandatory whether the broker must return the message when no queue takes it
	 * @param properties the message properties
	 * @param body the body
	 * @return a future completed when the broker confirms the message, or at once when
	 * confirms are off
	 * @throws BindingException if the channel cannot be opened or the publish fails; a
	 * {@link ConnectionLostException} when the connection is down
	 */
	CompletableFuture<Void> publish(String exchange, String routingKey, boolean mandatory,
			AMQP.BasicProperties properties, byte[] body) {
		this.gate.awaitUnblocked(exchange, routingKey);
		acquire(exchange, routingKey);
		try {
			Channel channel = open();
			if (!this.confirms) {
				basicPublish(channel, exchange, routingKey, mandatory, properties, body);
				return DONE;
			}
			long sequence = channel.getNextPublishSeqNo();
			CompletableFuture<Void> confirmed = new CompletableFuture<>();
			AMQP.BasicProperties sent = this.pending.add(sequence, confirmed, mandatory, properties);
			try {
				basicPublish(channel, exchange, routingKey, mandatory, sent, body);
			}
			catch (IOException | RuntimeException ex) {
				this.pending.remove(sequence);
				throw ex;
			}
			return confirmed;
		}
		catch (IOException | ShutdownSignalException ex) {
			String message = "Could not publish to RabbitMQ (" + target(exchange, routingKey) + "): "
					+ BrokerFailures.reason(ex);
			throw ConnectionLostException.isConnectionLoss(ex) ? new ConnectionLostException(message, ex)
					: new BindingException(message, ex);
		}
		catch (BindingException ex) {
			throw ConnectionLostException.isConnectionLoss(ex) && !(ex instanceof ConnectionLostException)
					? new ConnectionLostException(ex.getMessage(), ex) : ex;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Publish, turning what amqp-client refuses before sending anything (content headers
	 * larger than the negotiated frame max) into a {@link BindingException}. amqp-client has
	 * counted a publish sequence number by then, so the broker's confirms on this channel
	 * would no longer match ours: the channel is dropped, failing what it has unconfirmed,
	 * and the next publish opens a new one.
	 */
	private void basicPublish(Channel channel, String exchange, String routingKey, boolean mandatory,
			AMQP.BasicProperties properties, byte[] body) throws IOException {
		try {
			channel.basicPublish(exchange, routingKey, mandatory, properties, body);
		}
		catch (ShutdownSignalException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			if (this.confirms) {
				this.channel = null;
				abort(channel);
			}
			throw new BindingException(
					"RabbitMQ client refused to publish to " + target(exchange, routingKey) + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Where a publish goes, for error messages. Built only when one is needed: a publish
	 * that succeeds formats nothing.
	 * @param exchange the exchange
	 * @param routingKey the routing key
	 * @return the exchange and routing key, quoted
	 */
	static String target(String exchange, String routingKey) {
		return "exchange '" + exchange + "', routing key '" + routingKey + "'";
	}

	private static void abort(Channel channel) {
		try {
			channel.abort();
		}
		catch (IOException | RuntimeException ex) {
			// Closed either way.
		}
	}

	/**
	 * Take the lock. Waiting for another publisher is normally short; while the broker blocks
	 * the connection that publisher may be stuck in a socket write, so the wait is then
	 * bounded by the blocked timeout.
	 */
	private void acquire(String exchange, String routingKey) {
		long blockedSince = 0;
		try {
			while (!this.lock.tryLock(LOCK_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
				if (!this.gate.isBlocked()) {
					blockedSince = 0;
				}
				else if (blockedSince == 0) {
					blockedSince = System.nanoTime();
				}
				else if (System.nanoTime() - blockedSince >= this.gate.blockedTimeout().toNanos()) {
					throw this.gate.blockedFailure(exchange, routingKey);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BindingException(
					"Interrupted while waiting to publish to RabbitMQ (" + target(exchange, routingKey) + ")", ex);
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
				channel.addConfirmListener(this.pending);
				channel.addShutdownListener(this.pending::failAll);
			}
			channel.addReturnListener(this.pending::returned);
			this.initializer.initialize(channel);
		}
		catch (IOException ex) {
			throw new BindingException("Could not prepare an AMQP channel: " + BrokerFailures.reason(ex), ex);
		}
		this.channel = channel;
		return channel;
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
		catch (IOException | java.util.concurrent.TimeoutException | ShutdownSignalException ex) {
			// The channel is gone either way.
		}
		finally {
			this.lock.unlock();
		}
	}

}
