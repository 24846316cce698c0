package dev.switchboard.amqp;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.Return;
import dev.switchboard.BindingException;
import dev.switchboard.binder.PendingReplies;
import dev.switchboard.binder.RequestBinding;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.WireMessage;

/**
 * The calling side of a request-reply channel, on RabbitMQ's direct reply-to: each
 * publishing channel consumes {@code amq.rabbitmq.reply-to} and sends its requests with that
 * reply address, so replies need no queue of their own. Requests carry a correlation id
 * unique to this binding and expire from the queue with their timeout, so a listener that
 * starts late does not work through requests nobody waits for any more.
 */
final class AmqpRequestBinding implements RequestBinding {

	static final String DIRECT_REPLY_TO = "amq.rabbitmq.reply-to";

	private static final AtomicLong bindings = new AtomicLong();

	private final ChannelSpec channel;

	private final String queue;

	private final PendingReplies pending;

	private final String idPrefix;

	private final AtomicLong ids = new AtomicLong();

	private final PublisherLanes lanes;

	AmqpRequestBinding(ChannelSpec channel, String queue, int lanes, Supplier<Channel> opener, PublishGate gate,
			ScheduledExecutorService timer) {
		this.channel = channel;
		this.queue = queue;
		this.pending = new PendingReplies(channel, timer);
		this.idPrefix = Long.toString(ProcessHandle.current().pid(), 36) + "-"
				+ Long.toString(System.nanoTime(), 36) + "-" + bindings.incrementAndGet() + "-";
		this.lanes = new PublisherLanes(lanes, opener, this::consumeReplies, false, gate);
	}

	/**
	 * Open the first channel and declare the request queue on it.
	 * @param durable whether the queue survives a broker restart
	 * @return this binding
	 */
	AmqpRequestBinding start(boolean durable) {
		AmqpTopology.declareQueue(this.lanes.firstChannel(), this.channel.name(), this.queue, durable, null);
		return this;
	}

	private void consumeReplies(Channel amqp) throws IOException {
		amqp.addReturnListener(this::returned);
		amqp.basicConsume(DIRECT_REPLY_TO, true, new ReplyConsumer(amqp));
	}

	/**
	 * Requests are mandatory: one that no queue takes (the request queue was deleted) fails
	 * its caller at once instead of at its timeout.
	 */
	private void returned(Return returned) {
		String id = returned.getProperties().getCorrelationId();
		if (id != null) {
			this.pending.fail(id, new BindingException("Channel '" + this.channel.name() + "': no queue took the request"
					+ " (routing key '" + returned.getRoutingKey() + "', " + returned.getReplyCode() + " "
					+ returned.getReplyText() + "): the request queue was deleted; start a listener, which declares it"));
		}
	}

	@Override
	public CompletableFuture<WireMessage> request(WireMessage request, Duration timeout) {
		String id = this.idPrefix + this.ids.incrementAndGet();
		CompletableFuture<WireMessage> reply = this.pending.register(id, timeout);
		if (reply.isDone()) {
			return reply;
		}
		try {
			this.lanes.publish("", this.queue, true,
					AmqpMessages.request(request, id, DIRECT_REPLY_TO, Long.toString(Math.max(1, timeout.toMillis()))),
					request.payload());
		}
		catch (BindingException ex) {
			this.pending.fail(id, ex);
		}
		return reply;
	}

	private void onReply(AMQP.BasicProperties properties, Envelope envelope, byte[] body) {
		CompletableFuture<WireMessage> reply = this.pending.take(properties.getCorrelationId());
		if (reply == null) {
			return;
		}
		reply.complete(AmqpMessages.fromDelivery(envelope, properties, body, false));
	}

	@Override
	public Map<String, Object> describe() {
		return Map.of("queue", this.queue, "replyTo", "amq.rabbitmq.reply-to");
	}

	@Override
	public ChannelSpec channel() {
		return this.channel;
	}

	@Override
	public void close() {
		this.lanes.close();
		this.pending.failAll(
				new BindingException("Channel '" + this.channel.name() + "': the binding closed before the reply"));
	}

	/**
	 * Hands replies arriving on a direct reply-to channel to their waiting callers.
	 */
	private final class ReplyConsumer extends DefaultConsumer {

		ReplyConsumer(Channel amqp) {
			super(amqp);
		}

		@Override
		public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties,
				byte[] body) {
			onReply(properties, envelope, body);
		}

	}

}
