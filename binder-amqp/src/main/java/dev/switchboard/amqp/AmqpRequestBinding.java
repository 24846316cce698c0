package dev.switchboard.amqp;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.switchboard.BindingException;
import dev.switchboard.RequestTimeoutException;
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

	private final ScheduledExecutorService timer;

	private final ConcurrentMap<String, CompletableFuture<WireMessage>> pending = new ConcurrentHashMap<>();

	private final String idPrefix;

	private final AtomicLong ids = new AtomicLong();

	private final PublisherLanes lanes;

	AmqpRequestBinding(ChannelSpec channel, String queue, int lanes, Supplier<Channel> opener,
			ScheduledExecutorService timer) {
		this.channel = channel;
		this.queue = queue;
		this.timer = timer;
		this.idPrefix = Long.toString(ProcessHandle.current().pid(), 36) + "-"
				+ Long.toString(System.nanoTime(), 36) + "-" + bindings.incrementAndGet() + "-";
		this.lanes = new PublisherLanes(lanes, opener, this::consumeReplies, false);
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
		amqp.basicConsume(DIRECT_REPLY_TO, true, new ReplyConsumer(amqp));
	}

	@Override
	public CompletableFuture<WireMessage> request(WireMessage request, Duration timeout) {
		String id = this.idPrefix + this.ids.incrementAndGet();
		CompletableFuture<WireMessage> reply = new CompletableFuture<>();
		this.pending.put(id, reply);
		reply.whenComplete((message, ex) -> this.pending.remove(id, reply));
		try {
			ScheduledFuture<?> expiry = this.timer.schedule(() -> expire(id, timeout), timeout.toNanos(),
					TimeUnit.NANOSECONDS);
			reply.whenComplete((message, ex) -> expiry.cancel(false));
			this.lanes.publish("", this.queue, requestProperties(request, id, timeout), request.payload());
		}
		catch (RejectedExecutionException ex) {
			reply.completeExceptionally(new BindingException(
					"Channel '" + this.channel.name() + "': the AMQP binder is closed, so the request was not sent", ex));
		}
		catch (BindingException ex) {
			reply.completeExceptionally(ex);
		}
		return reply;
	}

	/**
	 * Requests expire from the queue with their timeout, so that nobody works on a request
	 * whose caller has given up.
	 */
	private static AMQP.BasicProperties requestProperties(WireMessage request, String id, Duration timeout) {
		return AmqpMessages.properties(request.withCorrelationId(id), false, DIRECT_REPLY_TO)
			.builder()
			.expiration(Long.toString(Math.max(1, timeout.toMillis())))
			.build();
	}

	private void expire(String id, Duration timeout) {
		CompletableFuture<WireMessage> reply = this.pending.remove(id);
		if (reply != null) {
			reply.completeExceptionally(new RequestTimeoutException(this.channel.name(), timeout));
		}
	}

	private void onReply(AMQP.BasicProperties properties, Envelope envelope, byte[] body) {
		String id = properties.getCorrelationId();
		CompletableFuture<WireMessage> reply = (id != null) ? this.pending.remove(id) : null;
		if (reply == null) {
			this.channel.statistics().dropped();
			return;
		}
		reply.complete(AmqpMessages.fromDelivery(envelope, properties, body, false));
	}

	@Override
	public ChannelSpec channel() {
		return this.channel;
	}

	@Override
	public void close() {
		this.lanes.close();
		this.pending.values()
			.forEach((reply) -> reply.completeExceptionally(
					new BindingException("Channel '" + this.channel.name() + "': the binding closed before the reply")));
		this.pending.clear();
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
