package dev.switchboard.benchmarks.amqp;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.switchboard.benchmarks.Probe;
import dev.switchboard.benchmarks.Scenario;
import dev.switchboard.benchmarks.Subject;
import dev.switchboard.core.Pattern;

/**
 * Raw amqp-client with the guarantees Switchboard gives by default: one connection publishes
 * and one consumes (as Switchboard's binder); sends other than requests are persistent and
 * each waits for its publisher confirm before the next (Switchboard's {@code send} returns
 * only once confirmed); consumers use prefetch 250 and ack each message after handling it;
 * queues and exchanges are durable. Requests are transient and unconfirmed, with replies on
 * direct reply-to, as Switchboard's.
 */
public final class RawAmqpSubject implements Subject {

	@Override
	public Running open(Scenario scenario, Probe probe) throws IOException, TimeoutException {
		Pattern pattern = scenario.pattern();
		BenchBroker.reset(pattern);
		Connection consuming = BenchBroker.connectionFactory().newConnection("raw-bench-consumer");
		Connection publishing = BenchBroker.connectionFactory().newConnection("raw-bench-publisher");
		Channel consumer = consuming.createChannel();
		BenchBroker.declare(consumer, pattern);
		consumer.basicQos(BenchBroker.PREFETCH);
		consumer.basicConsume(inbox(consumer, pattern), false, new Receiver(consumer, pattern, probe));
		return new RawAmqp(pattern, consuming, publishing);
	}

	private static String inbox(Channel channel, Pattern pattern) throws IOException {
		return switch (pattern) {
			case PUB_SUB -> {
				String queue = channel.queueDeclare().getQueue();
				channel.queueBind(queue, BenchBroker.name(pattern), "#");
				yield queue;
			}
			case PAIR -> BenchBroker.pairInbox();
			default -> BenchBroker.name(pattern);
		};
	}

	/**
	 * Counts each delivery (or answers it, for request-reply), then acks it.
	 */
	private static final class Receiver extends DefaultConsumer {

		private final boolean reply;

		private final Probe probe;

		Receiver(Channel channel, Pattern pattern, Probe probe) {
			super(channel);
			this.reply = pattern == Pattern.REQUEST_REPLY;
			this.probe = probe;
		}

		@Override
		public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties,
				byte[] body) throws IOException {
			if (this.reply) {
				AMQP.BasicProperties answer = new AMQP.BasicProperties.Builder().contentType(BenchBroker.OCTET_STREAM)
					.correlationId(properties.getCorrelationId())
					.deliveryMode(1)
					.build();
				getChannel().basicPublish("", properties.getReplyTo(), answer, body);
			}
			else {
				this.probe.received();
			}
			getChannel().basicAck(envelope.getDeliveryTag(), false);
		}

	}

	/**
	 * The two connections, and a channel per sender on the publishing one.
	 */
	private record RawAmqp(Pattern pattern, Connection consuming, Connection publishing) implements Running {

		@Override
		public Sender newSender() throws IOException {
			Channel channel = this.publishing.createChannel();
			return (this.pattern == Pattern.REQUEST_REPLY) ? new Caller(channel)
					: new ConfirmedPublisher(channel, this.pattern);
		}

		@Override
		public void close() throws IOException, TimeoutException {
			this.publishing.close();
			this.consuming.close();
			BenchBroker.reset(this.pattern);
		}

	}

	/**
	 * Publishes persistent messages and waits for each one's confirm.
	 */
	private static final class ConfirmedPublisher implements Sender {

		private final Channel channel;

		private final String exchange;

		private final String routingKey;

		private final AMQP.BasicProperties properties;

		ConfirmedPublisher(Channel channel, Pattern pattern) throws IOException {
			this.channel = channel;
			this.channel.confirmSelect();
			boolean pubSub = pattern == Pattern.PUB_SUB;
			this.exchange = pubSub ? BenchBroker.name(pattern) : "";
			this.routingKey = pubSub ? "t" : (pattern == Pattern.PAIR) ? BenchBroker.pairInbox()
					: BenchBroker.name(pattern);
			this.properties = BenchBroker.properties(pattern).build();
		}

		@Override
		public void send(byte[] payload) throws IOException, InterruptedException, TimeoutException {
			this.channel.basicPublish(this.exchange, this.routingKey, this.properties, payload);
			this.channel.waitForConfirmsOrDie(10_000);
		}

	}

	/**
	 * Sends a request with a fresh correlation id and waits for its reply on direct reply-to.
	 */
	private static final class Caller implements Sender {

		private final Channel channel;

		private final BlockingQueue<AMQP.BasicProperties> replies = new ArrayBlockingQueue<>(1);

		private final AtomicLong ids = new AtomicLong();

		Caller(Channel channel) throws IOException {
			this.channel = channel;
			channel.basicConsume(BenchBroker.DIRECT_REPLY_TO, true, new DefaultConsumer(channel) {

				@Override
				public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties,
						byte[] body) {
					Caller.this.replies.add(properties);
				}

			});
		}

		@Override
		public void send(byte[] payload) throws IOException, InterruptedException {
			String id = Long.toString(this.ids.incrementAndGet());
			AMQP.BasicProperties properties = BenchBroker.properties(Pattern.REQUEST_REPLY).correlationId(id).build();
			this.channel.basicPublish("", BenchBroker.name(Pattern.REQUEST_REPLY), properties, payload);
			AMQP.BasicProperties reply = this.replies.poll(10, TimeUnit.SECONDS);
			if (reply == null || !id.equals(reply.getCorrelationId())) {
				throw new IllegalStateException("No reply to request " + id);
			}
		}

	}

}
