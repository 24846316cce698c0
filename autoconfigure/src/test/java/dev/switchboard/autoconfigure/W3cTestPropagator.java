package dev.switchboard.autoconfigure;

import java.util.List;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import io.micrometer.tracing.test.simple.SimpleTraceContextBuilder;
import io.micrometer.tracing.test.simple.SimpleTracer;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

/**
 * Writes and reads a W3C {@code traceparent} for Micrometer's {@link SimpleTracer}, which
 * has no propagator of its own, so tests can follow a trace across the wire the way a real
 * tracer (Brave, OpenTelemetry) does.
 */
public final class W3cTestPropagator implements Propagator {

	private static final String TRACEPARENT = "traceparent";

	private final Tracer tracer;

	public W3cTestPropagator(Tracer tracer) {
		this.tracer = tracer;
	}

	/**
	 * An ObservationRegistry that traces into {@code tracer} and propagates through
	 * {@code traceparent}, as Boot configures one with a real tracer.
	 * @param tracer the tracer
	 * @return the registry
	 */
	public static ObservationRegistry registry(SimpleTracer tracer) {
		W3cTestPropagator propagator = new W3cTestPropagator(tracer);
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig()
			.observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
					new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
					new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
					new DefaultTracingObservationHandler(tracer)));
		return registry;
	}

	@Override
	public List<String> fields() {
		return List.of(TRACEPARENT);
	}

	@Override
	public <C> void inject(TraceContext context, C carrier, Setter<C> setter) {
		setter.set(carrier, TRACEPARENT, "00-" + context.traceId() + "-" + context.spanId() + "-01");
	}

	@Override
	public <C> Span.Builder extract(C carrier, Getter<C> getter) {
		String value = getter.get(carrier, TRACEPARENT);
		if (value == null) {
			return this.tracer.spanBuilder();
		}
		String[] parts = value.split("-");
		TraceContext parent = new SimpleTraceContextBuilder().traceId(parts[1]).spanId(parts[2]).sampled(true).build();
		return this.tracer.spanBuilder().setParent(parent);
	}

}
