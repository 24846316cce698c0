package dev.switchboard.benchmarks.switchboard;

import java.util.HashMap;
import java.util.Map;

import dev.switchboard.benchmarks.Ports;
import dev.switchboard.benchmarks.Probe;
import dev.switchboard.benchmarks.Scenario;
import dev.switchboard.benchmarks.Subject;
import dev.switchboard.benchmarks.Transport;
import dev.switchboard.benchmarks.amqp.BenchBroker;
import dev.switchboard.core.Pattern;
import dev.switchboard.core.SwitchboardOperations;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Switchboard through its public API, as two applications would use it: a receiving Spring
 * Boot context with a {@code @MessageListener} bean and a sending context that uses
 * {@link SwitchboardOperations}, both in this JVM so that allocation is measured on both
 * sides. Every setting is Switchboard's default (envelope framing, high-water marks,
 * confirms, persistence, prefetch, one listener thread) except the endpoint and the names.
 *
 * <p>As a reference, {@link #withRawFraming()} sets the channel's ZeroMQ framing to
 * {@code raw} on both sides: one frame per message, no header.
 */
public final class SwitchboardSubject implements Subject {

	static final String CHANNEL = "bench";

	static final String TOPIC = "t";

	private final boolean rawFraming;

	/**
	 * The subject: Switchboard at its defaults.
	 */
	public SwitchboardSubject() {
		this(false);
	}

	private SwitchboardSubject(boolean rawFraming) {
		this.rawFraming = rawFraming;
	}

	/**
	 * The reference with {@code switchboard.channels.<name>.zmq.framing=raw}. A raw-framing
	 * topic is the start of the payload, and the harness's payloads are random bytes, so it
	 * publishes with the empty topic; the subscriber takes every topic either way.
	 * @return the subject
	 */
	public static SwitchboardSubject withRawFraming() {
		return new SwitchboardSubject(true);
	}

	@Override
	public Running open(Scenario scenario, Probe probe) throws Exception {
		Pattern pattern = scenario.pattern();
		Map<String, Object> settings = settings(scenario, Ports.freeLoopbackEndpoint());
		if (this.rawFraming) {
			settings.put("switchboard.channels." + CHANNEL + ".zmq.framing", "raw");
		}
		if (scenario.transport() == Transport.AMQP) {
			BenchBroker.reset(pattern);
		}
		Class<?> listener = (pattern == Pattern.REQUEST_REPLY) ? EchoListener.class : SinkListener.class;
		ConfigurableApplicationContext receiver = context(settings, pattern, true, listener)
			.initializers((context) -> context.getBeanFactory().registerSingleton("probe", probe))
			.run();
		ConfigurableApplicationContext sender = context(settings, pattern, false).run();
		return new Contexts(scenario, this.rawFraming ? "" : TOPIC, receiver, sender,
				sender.getBean(SwitchboardOperations.class));
	}

	/**
	 * One side's application. On ZeroMQ the side that binds is Switchboard's default (PUSH,
	 * PUB and ROUTER bind) and the receiving end of a pair; on AMQP the sender is pair side
	 * {@code a}, which sends to side {@code b}.
	 */
	static SpringApplicationBuilder context(Map<String, Object> settings, Pattern pattern, boolean receiving,
			Class<?>... sources) {
		boolean sendersBind = pattern == Pattern.PIPELINE || pattern == Pattern.PUB_SUB;
		Map<String, Object> properties = new HashMap<>(settings);
		properties.put("switchboard.channels." + CHANNEL + ".amqp.side", receiving ? "b" : "a");
		properties.put("switchboard.channels." + CHANNEL + ".zmq.bind", receiving != sendersBind);
		return new SpringApplicationBuilder(BenchApplication.class).sources(sources)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties(properties);
	}

	/**
	 * The settings both sides share.
	 * @param scenario the scenario
	 * @param endpoint the ZeroMQ endpoint
	 * @return a map to add to
	 */
	static Map<String, Object> settings(Scenario scenario, String endpoint) {
		Pattern pattern = scenario.pattern();
		String prefix = "switchboard.channels." + CHANNEL + ".";
		Map<String, Object> settings = new HashMap<>();
		settings.put("logging.level.root", "warn");
		settings.put("switchboard.transport", scenario.transport().id());
		settings.put(prefix + "pattern", pattern.id());
		settings.put(prefix + "request-timeout", "10s");
		settings.put(prefix + "zmq.endpoints[0]", endpoint);
		settings.put(prefix + ((pattern == Pattern.PUB_SUB) ? "amqp.exchange" : "amqp.queue"),
				BenchBroker.name(pattern));
		settings.put("switchboard.amqp.connection-name", "switchboard-bench");
		return settings;
	}

	/**
	 * The two contexts, and a sender per thread on the sending context's template.
	 */
	private record Contexts(Scenario scenario, String topic, ConfigurableApplicationContext receiver,
			ConfigurableApplicationContext sender, SwitchboardOperations template) implements Running {

		@Override
		public Sender newSender() {
			return switch (this.scenario.pattern()) {
				case REQUEST_REPLY -> (payload) -> {
					if (this.template.request(CHANNEL, payload, byte[].class).length != payload.length) {
						throw new IllegalStateException("The reply is not the request echoed");
					}
				};
				case PUB_SUB -> (payload) -> this.template.publish(CHANNEL, this.topic, payload);
				case PIPELINE, PAIR -> (payload) -> this.template.send(CHANNEL, payload);
			};
		}

		@Override
		public void close() throws Exception {
			this.sender.close();
			this.receiver.close();
			if (this.scenario.transport() == Transport.AMQP) {
				BenchBroker.reset(this.scenario.pattern());
			}
		}

	}

}
