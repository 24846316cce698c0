package dev.switchboard.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.switchboard.core.Pattern;

/**
 * One measurement: which subject, over which transport and pattern, with what load. It
 * travels to the measuring JVM as {@code key=value} arguments.
 *
 * @param transport the transport
 * @param pattern the messaging pattern
 * @param subject what is measured
 * @param payloadBytes the size of every payload
 * @param senders how many threads send (or call) at once
 * @param warmupMillis how long the senders send before the measured window opens
 * @param windowMillis how long the measured window should last: its message count is the
 * warm-up's rate times this
 */
public record Scenario(Transport transport, Pattern pattern, SubjectKind subject, int payloadBytes, int senders,
		int warmupMillis, int windowMillis) {

	/**
	 * Read a scenario from the arguments {@link #toArgs()} wrote.
	 * @param args {@code key=value} arguments
	 * @return the scenario
	 */
	public static Scenario fromArgs(String... args) {
		Map<String, String> values = new HashMap<>();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			values.put(arg.substring(0, equals), arg.substring(equals + 1));
		}
		return new Scenario(Transport.of(values.get("transport")), pattern(values.get("pattern")),
				SubjectKind.of(values.get("subject")), Integer.parseInt(values.get("payload")),
				Integer.parseInt(values.get("senders")), Integer.parseInt(values.get("warmup_ms")),
				Integer.parseInt(values.get("window_ms")));
	}

	static Pattern pattern(String id) {
		return Pattern.valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
	}

	/**
	 * The arguments that {@link #fromArgs(String...)} reads back.
	 * @return {@code key=value} arguments
	 */
	public List<String> toArgs() {
		return List.of("transport=" + this.transport.id(), "pattern=" + this.pattern.id(),
				"subject=" + this.subject.id(), "payload=" + this.payloadBytes, "senders=" + this.senders,
				"warmup_ms=" + this.warmupMillis, "window_ms=" + this.windowMillis);
	}

	/**
	 * Whether each message is a round trip that the sender waits for.
	 * @return {@code true} for request-reply
	 */
	public boolean roundTrip() {
		return this.pattern == Pattern.REQUEST_REPLY;
	}

	@Override
	public String toString() {
		return this.transport.id() + " " + this.pattern.id() + " " + this.subject.id() + " payload="
				+ this.payloadBytes + " senders=" + this.senders;
	}

}
