package dev.switchboard.benchmarks;

import java.util.Locale;

/**
 * The transport a measurement runs over.
 */
public enum Transport {

	/** ZeroMQ (JeroMQ) over tcp loopback. */
	ZMQ,

	/** RabbitMQ on 127.0.0.1:5672. */
	AMQP;

	/**
	 * The name used on the command line and in {@code RESULT} and {@code REFERENCE} lines.
	 * @return the lower-case name
	 */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Transport of(String id) {
		return valueOf(id.toUpperCase(Locale.ROOT));
	}

}
