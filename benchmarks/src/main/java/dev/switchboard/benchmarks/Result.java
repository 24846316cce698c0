package dev.switchboard.benchmarks;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.switchboard.core.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What one measurement found, and its {@code RESULT} line: exactly the seven fields the
 * issue fixes, in its order. A {@link SubjectKind#reference() reference} prints the same
 * fields on a {@code REFERENCE} line, so that nothing reading {@code RESULT} lines takes it
 * for a subject. The payload size and sender count are the scenario's, so the suite prints
 * them on a {@code SCENARIO} line before each line, and a line is read back against the
 * scenario that produced it.
 *
 * @param transport the transport
 * @param pattern the pattern
 * @param subject what was measured
 * @param payloadBytes the payload size
 * @param senders the number of sending threads
 * @param messagesPerSecond messages received per second of the measured window
 * @param p50Micros median round trip, {@code null} where no round trip is measured
 * @param p99Micros 99th-percentile round trip, {@code null} where no round trip is measured
 * @param allocatedBytesPerMessage bytes allocated by the whole process per message received
 */
public record Result(Transport transport, Pattern pattern, SubjectKind subject, int payloadBytes, int senders,
		long messagesPerSecond, @Nullable Double p50Micros, @Nullable Double p99Micros, long allocatedBytesPerMessage) {

	private static final String RESULT = "RESULT ";

	private static final String REFERENCE = "REFERENCE ";

	/**
	 * Whether a line of output is a {@code RESULT} or {@code REFERENCE} line.
	 * @param line the line
	 * @return {@code true} if {@link #parse(String, Scenario)} can read it
	 */
	public static boolean isMeasurementLine(String line) {
		return line.startsWith(RESULT) || line.startsWith(REFERENCE);
	}

	/**
	 * Read a {@code RESULT} or {@code REFERENCE} line.
	 * @param line the line
	 * @param scenario the scenario measured, which gives the payload size and sender count
	 * @return the result
	 */
	public static Result parse(String line, Scenario scenario) {
		Map<String, String> fields = new HashMap<>();
		for (String field : line.substring(line.indexOf(' ') + 1).trim().split(" ")) {
			int equals = field.indexOf('=');
			fields.put(field.substring(0, equals), field.substring(equals + 1));
		}
		return new Result(Transport.of(fields.get("transport")), Scenario.pattern(fields.get("pattern")),
				SubjectKind.of(fields.get("subject")), scenario.payloadBytes(), scenario.senders(),
				Long.parseLong(fields.get("msgs_per_s")),
				micros(fields.get("p50_us")), micros(fields.get("p99_us")),
				Long.parseLong(fields.get("alloc_b_per_msg")));
	}

	private static @Nullable Double micros(String field) {
		return field.equals("-") ? null : Double.valueOf(field);
	}

	/**
	 * The scenario this result answers, without its message counts.
	 * @param scenario a scenario
	 * @return whether they match
	 */
	public boolean answers(Scenario scenario) {
		return this.transport == scenario.transport() && this.pattern == scenario.pattern()
				&& this.subject == scenario.subject() && this.payloadBytes == scenario.payloadBytes()
				&& this.senders == scenario.senders();
	}

	/**
	 * The {@code RESULT} line, or the {@code REFERENCE} line of a reference; latencies not
	 * measured print as {@code -}.
	 * @return the line
	 */
	public String toLine() {
		return (this.subject.reference() ? REFERENCE : RESULT) + "transport=" + this.transport.id() + " pattern="
				+ this.pattern.id() + " subject=" + this.subject.id() + " msgs_per_s=" + this.messagesPerSecond + " p50_us=" + format(this.p50Micros)
				+ " p99_us=" + format(this.p99Micros) + " alloc_b_per_msg=" + this.allocatedBytesPerMessage;
	}

	private static String format(@Nullable Double micros) {
		return (micros != null) ? String.format(Locale.ROOT, "%.1f", micros) : "-";
	}

}
