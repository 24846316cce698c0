package dev.switchboard.amqp;

import java.io.IOException;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.switchboard.binder.InboundHandler;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.WireMessage;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Calls the handler for each delivery on the consumer's own dispatch thread, sends what it
 * returns, and acknowledges only then, so a listener that dies mid-message leaves the
 * message with the broker for redelivery.
 */
final class DeliveryConsumer extends DefaultConsumer {

	private static final Log logger = LogFactory.getLog(DeliveryConsumer.class);

	private final ChannelSpec channel;

	private final InboundHandler handler;

	private final ReplySender replies;

	private final boolean withTopic;

	DeliveryConsumer(Channel amqp, ChannelSpec channel, InboundHandler handler, ReplySender replies,
			boolean withTopic) {
		super(amqp);
		this.channel = channel;
		this.handler = handler;
		this.replies = replies;
		this.withTopic = withTopic;
	}

	@Override
	public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
			throws IOException {
		WireMessage message = AmqpMessages.fromDelivery(envelope, properties, body, this.withTopic);
		@Nullable WireMessage reply;
		try {
			reply = this.handler.handle(message);
		}
		catch (RuntimeException | Error ex) {
			// Core's handler contains listener failures; reaching here is a defect, so do not redeliver in a loop.
			logger.error("Channel '" + this.channel.name() + "': the handler threw; rejecting the message", ex);
			getChannel().basicReject(envelope.getDeliveryTag(), false);
			return;
		}
		if (reply != null) {
			sendReply(properties, reply);
		}
		getChannel().basicAck(envelope.getDeliveryTag(), false);
	}

	private void sendReply(AMQP.BasicProperties request, WireMessage reply) {
		try {
			this.replies.send(request, reply);
		}
		catch (RuntimeException ex) {
			this.channel.statistics().dropped();
			logger.warn("Channel '" + this.channel.name() + "': could not send the listener's reply: " + ex.getMessage());
		}
	}

	@Override
	public void handleCancel(String consumerTag) {
		logger.warn("Channel '" + this.channel.name() + "': RabbitMQ cancelled consumer " + consumerTag
				+ " (was its queue deleted?); this listener receives nothing more until it is bound again");
	}

}
