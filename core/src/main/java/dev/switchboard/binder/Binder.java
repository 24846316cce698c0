package dev.switchboard.binder;

import java.util.Map;

import dev.switchboard.core.ChannelSpec;

/**
 * A transport that carries channels. Each {@code bind...} call opens what the transport
 * needs (sockets, queues, consumers) and returns a {@link Binding} whose {@code close()}
 * releases it. A binder must fail a bind it cannot honour with a
 * {@link dev.switchboard.BindingException} or {@link dev.switchboard.ChannelConfigurationException}
 * naming the channel and the fix, never silently.
 *
 * <p>Implementations are thread-safe: bindings are created at startup and used from any
 * application thread.
 */
public interface Binder extends AutoCloseable {

	/**
	 * The name channels use to select this binder, such as {@code zmq} or {@code amqp}.
	 * @return the transport name
	 */
	String transport();

	/**
	 * Open the sending side of a pub-sub, pipeline or pair channel.
	 * @param channel the channel
	 * @return a binding that sends from any thread
	 */
	OutboundBinding bindOutbound(ChannelSpec channel);

	/**
	 * Open the calling side of a request-reply channel.
	 * @param channel the channel
	 * @return a binding that sends requests and matches their replies
	 */
	RequestBinding bindRequester(ChannelSpec channel);

	/**
	 * Open a receiving side: a request-reply listener, a subscriber, a pipeline worker or a
	 * pair peer. The binder calls {@code handler} from its own threads, at most
	 * {@link InboundSpec#concurrency()} at a time, and sends the handler's reply for
	 * request-reply.
	 * @param channel the channel
	 * @param spec the listener's options
	 * @param handler what to call for each message
	 * @return a binding whose close stops delivery
	 */
	InboundBinding bindInbound(ChannelSpec channel, InboundSpec spec, InboundHandler handler);

	/**
	 * The binder's connection to its transport, for health checks: cheap, never blocking on
	 * the network, safe from any thread.
	 * @return the current state; by default up, with no details
	 */
	default BinderState state() {
		return BinderState.up(Map.of());
	}

	/**
	 * Release everything the binder still holds. Bindings should be closed first; closing
	 * the binder closes any left open, within a bounded time.
	 */
	@Override
	void close();

}
