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

	PublisherLanes(int size, Supplier<Channel> opener, ChannelInitializer initializer, boolean confirms) {
		this.lanes = new PublisherLane[size];
		for (int i = 0; i < size; i++) {
			this.lanes[i] = new PublisherLane(opener, initializer, confirms);
		}
	}

	/**
	 * Publish on the calling thread's lane.
	 * @param exchange the exchange
	 * @param routingKey the routing key
	 * @param properties the properties
	 * @param body the body
	 * @return the confirm future, see {@link PublisherLane#publish}
	 */
	CompletableFuture<Void> publish(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body) {
		return lane().publish(exchange, routingKey, properties, body);
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
