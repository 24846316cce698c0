package dev.switchboard.support.micrometer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.switchboard.RemoteInvocationException;
import dev.switchboard.RequestTimeoutException;
import dev.switchboard.binder.DeadLetter;
import dev.switchboard.binder.DeadLetterException;
import dev.switchboard.binder.RecordingBinder;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.Pattern;
import dev.switchboard.core.WireMessage;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ObservationBindingInterceptorTests {

	private static final ChannelSpec ECHO = ChannelSpec.of("echo", Pattern.REQUEST_REPLY, "zmq");

	private static final ChannelSpec TASKS = ChannelSpec.of("tasks", Pattern.PIPELINE, "amqp");

	private static final WireMessage MESSAGE = WireMessage.of("hi".getBytes());

	private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

	private final List<String> propagated = new CopyOnWriteArrayList<>();

	private final ObservationBindingInterceptor interceptor = new ObservationBindingInterceptor(registry());

	@Test
	void aSendIsObservedAndCarriesTheTraceContextInItsHeaders() {
		RecordingBinder binder = new RecordingBinder((request) -> new CompletableFuture<>());
		this.interceptor.send(TASKS, MESSAGE, binder.bindOutbound(TASKS));
		assertThat(binder.sent).singleElement()
			.satisfies((message) -> assertThat(message.headers()).containsEntry("traceparent", "00-trace-span-01"));
		assertThat(this.stopped).singleElement().satisfies((context) -> {
			assertThat(context).isInstanceOf(SwitchboardSenderContext.class);
			assertThat(context.getName()).isEqualTo(SwitchboardObservations.SEND);
			assertThat(context.getContextualName()).isEqualTo("tasks publish");
			assertThat(context.getLowCardinalityKeyValues()).contains(KeyValue.of("messaging.system", "rabbitmq"),
					KeyValue.of("messaging.destination.name", "tasks"), KeyValue.of("messaging.operation", "publish"));
			assertThat(context.getError()).isNull();
		});
	}

	@Test
	void aRequestIsObservedUntilItsReplyComes() {
		CompletableFuture<WireMessage> reply = new CompletableFuture<>();
		this.interceptor.request(ECHO, MESSAGE, Duration.ofSeconds(1),
				new RecordingBinder((request) -> reply).bindRequester(ECHO));
		assertThat(this.stopped).isEmpty();
		reply.complete(WireMessage.of("reply".getBytes()));
		assertThat(this.stopped).singleElement().satisfies((context) -> {
			assertThat(context.getLowCardinalityKeyValues()).contains(KeyValue.of("messaging.system", "zeromq"));
			assertThat(context.getError()).isNull();
		});
	}

	@Test
	void aRequestThatTimesOutIsObservedWithTheTimeout() {
		RequestTimeoutException timeout = new RequestTimeoutException("echo", Duration.ofMillis(10));
		this.interceptor.request(ECHO, MESSAGE, Duration.ofSeconds(1),
				new RecordingBinder((request) -> CompletableFuture.failedFuture(timeout)).bindRequester(ECHO));
		assertThat(this.stopped).singleElement().satisfies((context) -> assertThat(context.getError()).isSameAs(timeout));
	}

	@Test
	void aRequestAnsweredWithAnErrorReplyIsObservedWithTheRemoteError() {
		WireMessage error = WireMessage.error(new IllegalStateException("failing on purpose"), null);
		this.interceptor.request(ECHO, MESSAGE, Duration.ofSeconds(1),
				new RecordingBinder((request) -> CompletableFuture.completedFuture(error)).bindRequester(ECHO));
		assertThat(this.stopped).singleElement()
			.satisfies((context) -> assertThat(context.getError()).isInstanceOf(RemoteInvocationException.class)
				.hasMessageContaining("failing on purpose"));
	}

	@Test
	void aHandledMessageIsObservedAsAReceiverReadingTheTraceContextFromItsHeaders() {
		WireMessage traced = MESSAGE.withHeaders(Map.of("traceparent", "00-remote-span-01"));
		this.interceptor.handle(TASKS, traced, (message) -> null);
		assertThat(this.propagated).containsExactly("00-remote-span-01");
		assertThat(this.stopped).singleElement().satisfies((context) -> {
			assertThat(context).isInstanceOf(SwitchboardReceiverContext.class);
			assertThat(context.getName()).isEqualTo(SwitchboardObservations.PROCESS);
			assertThat(context.getContextualName()).isEqualTo("tasks process");
			assertThat(context.getLowCardinalityKeyValues()).contains(KeyValue.of("messaging.operation", "process"));
			assertThat(context.getError()).isNull();
		});
	}

	@Test
	void aHandlerThatThrowsIsObservedWithItsFailure() {
		IllegalStateException failure = new IllegalStateException("failing on purpose");
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.interceptor.handle(TASKS, MESSAGE, (message) -> {
				throw failure;
			}));
		assertThat(this.stopped).singleElement().satisfies((context) -> assertThat(context.getError()).isSameAs(failure));
	}

	@Test
	void aMessageLeftForTheDeadLetterPathIsObservedWithTheListenersFailure() {
		IllegalStateException failure = new IllegalStateException("failing on purpose");
		DeadLetter deadLetter = new DeadLetter("tasks", MESSAGE, DeadLetter.Reason.LISTENER_FAILED, 3, failure);
		assertThatExceptionOfType(DeadLetterException.class)
			.isThrownBy(() -> this.interceptor.handle(TASKS, MESSAGE, (message) -> {
				throw new DeadLetterException(deadLetter);
			}));
		assertThat(this.stopped).singleElement().satisfies((context) -> assertThat(context.getError()).isSameAs(failure));
	}

	@Test
	void aHandlerAnsweringWithAnErrorReplyIsObservedWithTheRemoteError() {
		this.interceptor.handle(ECHO, MESSAGE, (message) -> WireMessage.error(new IllegalStateException("no"), null));
		assertThat(this.stopped).singleElement()
			.satisfies((context) -> assertThat(context.getError()).isInstanceOf(RemoteInvocationException.class));
	}

	private ObservationRegistry registry() {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new Recording());
		return registry;
	}

	/**
	 * Stands in for a tracing handler: writes a trace context into a sender's carrier and
	 * reads one from a receiver's, and records every Observation that stops.
	 */
	private final class Recording implements ObservationHandler<Observation.Context> {

		@Override
		@SuppressWarnings({ "unchecked", "rawtypes" })
		public void onStart(Observation.Context context) {
			if (context instanceof SenderContext sender) {
				sender.getSetter().set(sender.getCarrier(), "traceparent", "00-trace-span-01");
			}
			if (context instanceof ReceiverContext receiver) {
				String traceparent = receiver.getGetter().get(receiver.getCarrier(), "traceparent");
				if (traceparent != null) {
					ObservationBindingInterceptorTests.this.propagated.add(traceparent);
				}
			}
		}

		@Override
		public void onStop(Observation.Context context) {
			ObservationBindingInterceptorTests.this.stopped.add(context);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
