package dev.switchboard.support.micrometer;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.switchboard.RemoteInvocationException;
import dev.switchboard.binder.BindingInterceptor;
import dev.switchboard.binder.DeadLetterException;
import dev.switchboard.binder.InboundHandler;
import dev.switchboard.binder.OutboundBinding;
import dev.switchboard.binder.ReplyFutures;
import dev.switchboard.binder.RequestBinding;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.SwitchboardHeaders;
import dev.switchboard.core.WireMessage;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.jspecify.annotations.Nullable;

/**
 * Observes every send, request and handled message: a sender Observation puts the trace
 * context into the message's headers (which travel in the AMQP headers table and in the
 * ZeroMQ envelope's trace context field) and a receiver Observation continues it, so a
 * request-reply between two processes is one trace. Raw ZeroMQ framing has no headers, so
 * the trace stops at the wire there.
 */
public class ObservationBindingInterceptor implements BindingInterceptor {

	private final ObservationRegistry registry;

	/**
	 * Create an interceptor whose Observations go to a registry; its handlers (a tracer's)
	 * decide what an Observation records and propagates.
	 * @param registry the registry
	 */
	public ObservationBindingInterceptor(ObservationRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void send(ChannelSpec channel, WireMessage message, OutboundBinding next) {
		SwitchboardSenderContext context = new SwitchboardSenderContext(channel, message.headers());
		Observation observation = observation(SwitchboardObservations.SEND, context, channel, "publish").start();
		try (Observation.Scope scope = observation.openScope()) {
			next.send(message.withHeaders(context.getCarrier()));
		}
		catch (RuntimeException ex) {
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	@Override
	public CompletableFuture<WireMessage> request(ChannelSpec channel, WireMessage request, Duration timeout,
			RequestBinding next) {
		SwitchboardSenderContext context = new SwitchboardSenderContext(channel, request.headers());
		Observation observation = observation(SwitchboardObservations.SEND, context, channel, "publish").start();
		CompletableFuture<WireMessage> reply;
		try (Observation.Scope scope = observation.openScope()) {
			reply = next.request(request.withHeaders(context.getCarrier()), timeout);
		}
		catch (RuntimeException ex) {
			observation.error(ex);
			observation.stop();
			throw ex;
		}
		return ReplyFutures.afterCompletion(reply, (message, ex) -> {
			if (ex != null) {
				observation.error(ex);
			}
			else if (message != null && message.isError()) {
				observation.error(remoteError(channel, message));
			}
			observation.stop();
		});
	}

	@Override
	public @Nullable WireMessage handle(ChannelSpec channel, WireMessage message, InboundHandler next) {
		SwitchboardReceiverContext context = new SwitchboardReceiverContext(channel, message);
		Observation observation = observation(SwitchboardObservations.PROCESS, context, channel, "process").start();
		try (Observation.Scope scope = observation.openScope()) {
			WireMessage reply = next.handle(message);
			if (reply != null && reply.isError()) {
				observation.error(remoteError(channel, reply));
			}
			return reply;
		}
		catch (DeadLetterException ex) {
			observation.error(ex.getDeadLetter().failure());
			throw ex;
		}
		catch (RuntimeException | Error ex) {
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	private Observation observation(String name, Observation.Context context, ChannelSpec channel, String operation) {
		return Observation.createNotStarted(name, () -> context, this.registry)
			.contextualName(channel.name() + " " + operation)
			.lowCardinalityKeyValues(SwitchboardObservations.keyValues(channel, operation));
	}

	private static RemoteInvocationException remoteError(ChannelSpec channel, WireMessage reply) {
		return new RemoteInvocationException(channel.name(), reply.headers().get(SwitchboardHeaders.ERROR_TYPE),
				reply.headers().getOrDefault(SwitchboardHeaders.ERROR_MESSAGE, ""));
	}

}
