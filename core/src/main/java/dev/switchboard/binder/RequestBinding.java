package dev.switchboard.binder;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.switchboard.core.WireMessage;

/**
 * The calling side of a request-reply channel. Many requests may be in flight at once; the
 * binder matches each reply to its request.
 */
public interface RequestBinding extends Binding {

	/**
	 * Send a request; safe to call from any thread.
	 * @param request the request
	 * @param timeout how long to wait for the reply
	 * @return a future completed with the reply (possibly an error reply, see
	 * {@link WireMessage#isError()}), or exceptionally with a
	 * {@link dev.switchboard.RequestTimeoutException} once {@code timeout} passes
	 */
	CompletableFuture<WireMessage> request(WireMessage request, Duration timeout);

}
