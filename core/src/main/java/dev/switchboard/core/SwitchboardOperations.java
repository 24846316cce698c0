package dev.switchboard.core;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What an application does with channels, whatever the transport: send to a pipeline or a
 * pair peer, publish on a topic, or call a request-reply listener. Implemented by
 * {@link SwitchboardTemplate}; program against this interface to stub it in tests.
 */
public interface SwitchboardOperations {

	/**
	 * Send a payload on a pipeline channel (one worker gets it), to the peer of a pair
	 * channel, or on a pub-sub channel with the empty topic.
	 * @param channel the channel name
	 * @param payload a {@code String}, {@code byte[]} or object converted to JSON
	 */
	void send(String channel, Object payload);

	/**
	 * Send a payload with user headers.
	 * @param channel the channel name
	 * @param payload the payload
	 * @param headers user headers; the receiver reads them with {@code @Header}
	 * @see #send(String, Object)
	 */
	void send(String channel, Object payload, Map<String, String> headers);

	/**
	 * Publish a payload on a topic of a pub-sub channel; every subscriber whose filter
	 * matches gets a copy.
	 * @param channel the channel name
	 * @param topic the topic, words separated by dots
	 * @param payload the payload
	 */
	void publish(String channel, String topic, Object payload);

	/**
	 * Publish a payload with user headers.
	 * @param channel the channel name
	 * @param topic the topic
	 * @param payload the payload
	 * @param headers user headers
	 * @see #publish(String, String, Object)
	 */
	void publish(String channel, String topic, Object payload, Map<String, String> headers);

	/**
	 * Call a request-reply listener and wait for its reply, up to the channel's request
	 * timeout.
	 * @param <T> the reply type
	 * @param channel the channel name
	 * @param payload the request payload
	 * @param replyType the type to convert the reply to
	 * @return the reply, never {@code null}
	 * @throws dev.switchboard.RequestTimeoutException if no reply arrives in time
	 * @throws dev.switchboard.RemoteInvocationException if the listener threw
	 */
	<T> T request(String channel, Object payload, Class<T> replyType);

	/**
	 * Call a request-reply listener and wait for its reply up to the given timeout.
	 * @param <T> the reply type
	 * @param channel the channel name
	 * @param payload the request payload
	 * @param replyType the type to convert the reply to
	 * @param timeout how long to wait
	 * @return the reply, never {@code null}
	 * @see #request(String, Object, Class)
	 */
	<T> T request(String channel, Object payload, Class<T> replyType, Duration timeout);

	/**
	 * Call a request-reply listener without blocking. Cancelling the future (or completing
	 * it any other way first) abandons the request: a reply that comes later is dropped and
	 * counted as such.
	 * @param <T> the reply type
	 * @param channel the channel name
	 * @param payload the request payload
	 * @param replyType the type to convert the reply to
	 * @return a future completed with the reply, or exceptionally with
	 * {@link dev.switchboard.RequestTimeoutException} or
	 * {@link dev.switchboard.RemoteInvocationException}
	 */
	<T> CompletableFuture<T> requestAsync(String channel, Object payload, Class<T> replyType);

	/**
	 * Call a request-reply listener without blocking, with a timeout of its own.
	 * @param <T> the reply type
	 * @param channel the channel name
	 * @param payload the request payload
	 * @param replyType the type to convert the reply to
	 * @param timeout how long to wait
	 * @return a future, see {@link #requestAsync(String, Object, Class)}
	 */
	<T> CompletableFuture<T> requestAsync(String channel, Object payload, Class<T> replyType, Duration timeout);

}
