package dev.switchboard.support.micrometer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import dev.switchboard.RequestTimeoutException;
import dev.switchboard.binder.BindingInterceptor;
import dev.switchboard.binder.InboundHandler;
import dev.switchboard.binder.ReplyFutures;
import dev.switchboard.binder.RequestBinding;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.WireMessage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.jspecify.annotations.Nullable;

/**
 * Times every handled message ({@value SwitchboardMeters#HANDLER}) and every request-reply
 * round trip ({@value SwitchboardMeters#REQUEST}) with channel, pattern, transport and
 * outcome tags. A handled message's outcome is {@code error} when it was answered with an
 * error reply or left for the dead-letter path (the handler threw a
 * {@link dev.switchboard.binder.DeadLetterException}). Timers are looked up once per
 * channel and outcome, then cached.
 */
public class MetricsBindingInterceptor implements BindingInterceptor {

	static final String SUCCESS = "success";

	static final String ERROR = "error";

	static final String TIMEOUT = "timeout";

	static final String FAILURE = "failure";

	private final MeterRegistry registry;

	private final Map<String, Timer> timers = new ConcurrentHashMap<>();

	/**
	 * Create an interceptor that registers its timers, as they are first needed, in a
	 * registry.
	 * @param registry where the timers go
	 */
	public MetricsBindingInterceptor(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public CompletableFuture<WireMessage> request(ChannelSpec channel, WireMessage request, Duration timeout,
			RequestBinding next) {
		Timer.Sample sample = Timer.start(this.registry);
		CompletableFuture<WireMessage> reply;
		try {
			reply = next.request(request, timeout);
		}
		catch (RuntimeException ex) {
			sample.stop(timer(SwitchboardMeters.REQUEST, "Request-reply round trips", channel, FAILURE));
			throw ex;
		}
		return ReplyFutures.afterCompletion(reply, (message, ex) -> sample
			.stop(timer(SwitchboardMeters.REQUEST, "Request-reply round trips", channel, requestOutcome(message, ex))));
	}

	@Override
	public @Nullable WireMessage handle(ChannelSpec channel, WireMessage message, InboundHandler next) {
		Timer.Sample sample = Timer.start(this.registry);
		String outcome = ERROR;
		try {
			WireMessage reply = next.handle(message);
			outcome = (reply != null && reply.isError()) ? ERROR : SUCCESS;
			return reply;
		}
		finally {
			sample.stop(timer(SwitchboardMeters.HANDLER, "Time listeners take per message", channel, outcome));
		}
	}

	private Timer timer(String name, String description, ChannelSpec channel, String outcome) {
		return this.timers.computeIfAbsent(name + '\0' + channel.name() + '\0' + outcome,
				(key) -> Timer.builder(name)
					.description(description)
					.tags(SwitchboardMeters.tags(channel))
					.tag(SwitchboardMeters.OUTCOME, outcome)
					.register(this.registry));
	}

	static String requestOutcome(@Nullable WireMessage reply, @Nullable Throwable failure) {
		if (failure == null) {
			return (reply != null && reply.isError()) ? ERROR : SUCCESS;
		}
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		return (cause instanceof RequestTimeoutException) ? TIMEOUT : FAILURE;
	}

}
