package dev.switchboard.binder;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.WireMessage;

import org.jspecify.annotations.Nullable;

/**
 * Wraps what crosses the Binder SPI — each send, each request's round trip, each handled
 * message — on every transport alike, for metrics and tracing. An interceptor may change
 * the message (add headers) and must call {@code next} exactly once unless it fails.
 * Applied by {@link InterceptedBinder}; every method passes straight through by default.
 */
public interface BindingInterceptor {

	/**
	 * Around {@link OutboundBinding#send(WireMessage)}.
	 * @param channel the channel
	 * @param message the message
	 * @param next the binding to send with
	 */
	default void send(ChannelSpec channel, WireMessage message, OutboundBinding next) {
		next.send(message);
	}

	/**
	 * Around {@link RequestBinding#request(WireMessage, Duration)}: the returned future
	 * completes when the round trip does.
	 * @param channel the channel
	 * @param request the request
	 * @param timeout how long to wait for the reply
	 * @param next the binding to send with
	 * @return the reply's future
	 */
	default CompletableFuture<WireMessage> request(ChannelSpec channel, WireMessage request, Duration timeout,
			RequestBinding next) {
		return next.request(request, timeout);
	}

	/**
	 * Around {@link InboundHandler#handle(WireMessage)}, on the binder's listener thread.
	 * @param channel the channel
	 * @param message the message as received
	 * @param next the handler
	 * @return what the handler returned
	 */
	default @Nullable WireMessage handle(ChannelSpec channel, WireMessage message, InboundHandler next) {
		return next.handle(message);
	}

}
