package dev.switchboard.benchmarks;

import java.util.Locale;

/**
 * What is being measured: Switchboard through its public API, a baseline written directly
 * against a client library, or a reference that shows where the gap between the two comes
 * from. A reference prints a {@code REFERENCE} line instead of a {@code RESULT} line and no
 * target is judged on it.
 */
public enum SubjectKind {

	/** Switchboard's template and {@code @MessageListener} beans in Spring contexts. */
	SWITCHBOARD,

	/** JeroMQ sockets or amqp-client channels used directly. */
	RAW,

	/** Spring AMQP's {@code RabbitTemplate} and a listener container. */
	SPRING_AMQP,

	/**
	 * Reference: raw JeroMQ sockets sending, before each payload, the frames Switchboard's
	 * envelope framing sends (the topic frame on pub-sub, the header frame), as captured from
	 * Switchboard itself; what the extra frames cost JeroMQ alone.
	 */
	RAW_ENVELOPE_FRAMES,

	/**
	 * Reference: Switchboard with {@code switchboard.channels.<name>.zmq.framing=raw}, one
	 * frame per message; what Switchboard costs without the envelope.
	 */
	SWITCHBOARD_RAW_FRAMING;

	/**
	 * The name used on the command line and in {@code RESULT} and {@code REFERENCE} lines.
	 * @return the lower-case, hyphenated name
	 */
	public String id() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * Whether this is a reference measurement rather than a subject that targets compare.
	 * @return {@code true} for the references
	 */
	public boolean reference() {
		return this == RAW_ENVELOPE_FRAMES || this == SWITCHBOARD_RAW_FRAMING;
	}

	static SubjectKind of(String id) {
		return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
	}

}
