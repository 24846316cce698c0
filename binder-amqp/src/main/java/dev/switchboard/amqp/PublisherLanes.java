package dev.switchboard.amqp;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;

/**
 * A small fixed set of {@link PublisherLane}s; each thread always uses the same one, so
 * concurrent senders spread over several AMQP channels without a shared lock and without a
 * channel per thread.
 */
final class PublisherLanes implements AutoCloseable {

	private final PublisherLane[] lanes;

	private final PublishGate gate;

	PublisherLanes(int size, Supplier<Channel> opener, ChannelInitializer initializer, boolean confirms,
			PublishGate gate) {
		this.lanes = new PublisherLane[size];
		this.gate = gate;
		for (int i = 0; i < size; i++) {
			this.lanes[i] = new PublisherLane(opener, initializer, confirms, gate);
		}
	}

	/**
	 * Publish on the calling thread's lane.
	 * @param exchange the exchange
	 * @param routingKey the routing key
	 * @param mandatory whether the broker must return the message when no queue takes it
	 * @param properties the properties
	 * @param body the body
	 * @return the confirm future, see {@link PublisherLane#publish}
	 */
	CompletableFuture<Void> publish(String exchange, String routingKey, boolean mandatory,
			AMQP.BasicProperties properties, byte[] body) {
		return lane().publish(exchange, routingKey, mandatory, properties, body);
	}

	/**
	 * What the lanes wait for: an unblocked, open publishing connection.
	 * @return the gate
	 */
	PublishGate gate() {
		return this.gate;
	}

	/**
	 * The first lane's channel, opened now; declarations made on it live as long as the lanes.
	 * @return an open channel
	 */
	Channel firstChannel() {
		return this.lanes[0].channel();
	}

	private PublisherLane lane() {
		return this.lanes[(int) (Thread.currentThread().getId() % this.lanes.length)];
	}

	@Override
	public void close() {
		for (PublisherLane lane : this.lanes) {
			lane.close();
		}
	}

}
