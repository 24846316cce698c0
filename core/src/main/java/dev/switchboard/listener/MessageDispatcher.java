package dev.switchboard.listener;

import java.time.Duration;

import dev.switchboard.PayloadConversionException;
import dev.switchboard.binder.DeadLetter;
import dev.switchboard.binder.DeadLetterException;
import dev.switchboard.binder.InboundHandler;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.ChannelStatistics;
import dev.switchboard.core.Pattern;
import dev.switchboard.core.RetryPolicy;
import dev.switchboard.core.TopicFilter;
import dev.switchboard.core.WireMessage;
import dev.switchboard.support.converter.PayloadConverter;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The {@link InboundHandler} core gives every binder: it invokes one listener, retries it
 * as the channel's {@link RetryPolicy} says, and routes what still fails to the channel's
 * error path, the same on every transport. A request-reply caller gets an error reply; on
 * the other patterns the message leaves as a {@link DeadLetterException} that the binder
 * hands to its dead-letter path. An undecodable payload skips the retries, since decoding
 * it again cannot succeed.
 *
 * <p>Counts: each delivery is {@code received}, each extra attempt {@code retried}, a
 * message whose listener failed for good {@code failed}, an undecodable one
 * {@code malformed}, and every message handed to the dead-letter path
 * {@code deadLettered}.
 */
public class MessageDispatcher implements InboundHandler {

	private static final Log logger = LogFactory.getLog(MessageDispatcher.class);

	private final ChannelSpec channel;

	private final MessageListenerAdapter listener;

	private final PayloadConverter converter;

	private final @Nullable TopicFilter topicFilter;

	private final Backoff backoff = new Backoff();

	public MessageDispatcher(ChannelSpec channel, MessageListenerAdapter listener, PayloadConverter converter,
			@Nullable TopicFilter topicFilter) {
		this.channel = channel;
		this.listener = listener;
		this.converter = converter;
		this.topicFilter = topicFilter;
	}

	/**
	 * Handle one message.
	 * @throws DeadLetterException when the message must take the dead-letter path
	 */
	@Override
	public @Nullable WireMessage handle(WireMessage message) {
		if (!accepts(message)) {
			return null;
		}
		ChannelStatistics statistics = this.channel.statistics();
		statistics.received();
		for (int attempt = 1;; attempt++) {
			try {
				return reply(message, this.listener.onMessage(message, this.channel));
			}
			catch (PayloadConversionException ex) {
				statistics.malformed();
				return giveUp(message, DeadLetter.Reason.UNDECODABLE, 0, ex);
			}
			catch (Exception | LinkageError | AssertionError ex) {
				if (!retry(attempt, ex)) {
					statistics.failed();
					return giveUp(message, DeadLetter.Reason.LISTENER_FAILED, attempt, ex);
				}
			}
		}
	}

	/**
	 * Stop retrying: waits between attempts end at once and no further attempt is made, so
	 * that a binding can close without waiting out a backoff. A message in its retries then
	 * takes the error path with the attempts made so far.
	 */
	public void stop() {
		this.backoff.stop();
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

	private boolean retry(int attempt, Throwable failure) {
		RetryPolicy policy = this.channel.retry();
		if (attempt >= policy.maxAttempts() || !policy.isRetryable(failure)) {
			return false;
		}
		Duration wait = policy.backoff(attempt);
		if (logger.isDebugEnabled()) {
			logger.debug("Channel '" + this.channel.name() + "': " + this.listener.description() + " failed on attempt "
					+ attempt + " of " + policy.maxAttempts() + ", retrying in " + wait.toMillis() + " ms: " + failure);
		}
		if (!this.backoff.await(wait)) {
			return false;
		}
		this.channel.statistics().retried();
		return true;
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

	/**
	 * Route a message that will not succeed: an error reply for a request-reply caller,
	 * logged here because the reply is its only other trace; the dead-letter path
	 * elsewhere, which logs or keeps it.
	 */
	private WireMessage giveUp(WireMessage message, DeadLetter.Reason reason, int attempts, Throwable failure) {
		DeadLetter deadLetter = new DeadLetter(this.channel.name(), message, reason, attempts, failure);
		if (this.channel.pattern() == Pattern.REQUEST_REPLY) {
			logger.warn(deadLetter.describe() + "; " + this.listener.description()
					+ " answered the caller with an error reply", (reason == DeadLetter.Reason.UNDECODABLE) ? null : failure);
			return WireMessage.error(failure, message.correlationId());
		}
		this.channel.statistics().deadLettered();
		throw new DeadLetterException(deadLetter);
	}

}
