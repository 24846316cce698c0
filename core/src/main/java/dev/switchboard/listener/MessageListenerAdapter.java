package dev.switchboard.listener;

import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.WireMessage;

import org.jspecify.annotations.Nullable;

/**
 * Adapts application code to a message: resolves its arguments from a {@link WireMessage}
 * and invokes it. Implemented for annotated methods by {@link MethodMessageListenerAdapter}
 * and for lambdas by {@link MessageListenerAdapters}.
 */
public interface MessageListenerAdapter {

	/**
	 * Invoke the listener.
	 * @param message the message received
	 * @param channel the channel it arrived on
	 * @return the listener's return value, or {@code null}
	 * @throws dev.switchboard.PayloadConversionException if the payload cannot be read
	 * @throws Exception whatever the listener throws
	 */
	@Nullable Object onMessage(WireMessage message, ChannelSpec channel) throws Exception;

	/**
	 * Whether the listener returns a value (a reply), which decides which patterns it can
	 * serve.
	 * @return {@code true} unless the listener is {@code void}
	 */
	boolean returnsValue();

	/**
	 * A description for logs and error messages, such as the bean and method.
	 * @return the description
	 */
	String description();

}
