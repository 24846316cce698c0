package dev.switchboard.listener;

import dev.switchboard.PayloadConversionException;
import dev.switchboard.binder.InboundHandler;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.Pattern;
import dev.switchboard.core.TopicFilter;
import dev.switchboard.core.WireMessage;
import dev.switchboard.support.converter.PayloadConverter;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The {@link InboundHandler} core gives every binder: it invokes one listener and contains
 * every failure. An undecodable payload is counted as malformed, a listener exception as
 * failed; each is logged once with the channel and the listener, a request-reply caller gets
 * an error reply, and the channel goes on serving. Binders therefore never see an exception
 * from a message.
 */
public class MessageDispatcher implements InboundHandler {

	private static final Log logger = LogFactory.getLog(MessageDispatcher.class);

	private final ChannelSpec channel;

	private final MessageListenerAdapter listener;

	private final PayloadConverter converter;

	private final @Nullable TopicFilter topicFilter;

	public MessageDispatcher(ChannelSpec channel, MessageListenerAdapter listener, PayloadConverter converter,
			@Nullable TopicFilter topicFilter) {
		this.channel = channel;
		this.listener = listener;
		this.converter = converter;
		this.topicFilter = topicFilter;
	}

	@Override
	public @Nullable WireMessage handle(WireMessage message) {
		if (!accepts(message)) {
			return null;
		}
		this.channel.statistics().received();
		try {
			return reply(message, this.listener.onMessage(message, this.channel));
		}
		catch (PayloadConversionException ex) {
			this.channel.statistics().malformed();
			logger.warn("Channel '" + this.channel.name() + "': rejected a message that " + this.listener.description()
					+ " cannot read: " + ex.getMessage());
			return errorReply(message, ex);
		}
		catch (Exception | LinkageError | AssertionError ex) {
			this.channel.statistics().failed();
			logger.warn("Channel '" + this.channel.name() + "': " + this.listener.description() + " failed", ex);
			return errorReply(message, ex);
		}
	}

	/**
	 * Whether a pub-sub message's topic matches this subscriber's filter. The transport
	 * pre-filters (a ZeroMQ subscription is only a prefix); this makes the match exact. A
	 * message whose framing carries no topic was matched by the transport already.
	 */
	private boolean accepts(WireMessage message) {
		String topic = message.topic();
		return this.topicFilter == null || topic == null || this.topicFilter.matches(topic);
	}

	private @Nullable WireMessage reply(WireMessage request, @Nullable Object result) {
		Pattern pattern = this.channel.pattern();
		if (pattern == Pattern.REQUEST_REPLY) {
			WireMessage reply = (result != null) ? this.converter.toWire(result) : WireMessage.of(new byte[0]);
			return reply.withCorrelationId(request.correlationId());
		}
		if (pattern == Pattern.PAIR && result != null) {
			return this.converter.toWire(result);
		}
		return null;
	}

	private @Nullable WireMessage errorReply(WireMessage request, Throwable error) {
		return (this.channel.pattern() == Pattern.REQUEST_REPLY) ? WireMessage.error(error, request.correlationId())
				: null;
	}

}
