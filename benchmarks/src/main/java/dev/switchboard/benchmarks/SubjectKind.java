package dev.switchboard.benchmarks;

import java.util.Locale;

/**
 * What is being measured: Switchboard through its public API, or a baseline written
 * directly against a client library.
 */
public enum SubjectKind {

	/** Switchboard's template and {@code @MessageListener} beans in Spring contexts. */
	SWITCHBOARD,

	/** JeroMQ sockets or amqp-client channels used directly. */
	RAW,

	/** Spring AMQP's {@code RabbitTemplate} and a listener container. */
	SPRING_AMQP;

	/**
	 * The name used on the command line and in {@code RESULT} lines.
	 * @return the lower-case, hyphenated name
	 */
	public String id() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	static SubjectKind of(String id) {
		return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
	}

}
