package dev.switchboard.benchmarks;

import dev.switchboard.benchmarks.amqp.RawAmqpSubject;
import dev.switchboard.benchmarks.spring.SpringAmqpSubject;
import dev.switchboard.benchmarks.switchboard.EnvelopeFrames;
import dev.switchboard.benchmarks.switchboard.SwitchboardSubject;
import dev.switchboard.benchmarks.zmq.RawZmqSubject;

/**
 * Runs one scenario in this JVM and prints its {@code RESULT} (or {@code REFERENCE}) line on
 * standard output; the suite starts one of these per measurement so that no subject inherits
 * another's heap, JIT state or threads.
 */
public final class Measurement {

	private Measurement() {
	}

	/**
	 * Measure the scenario given as {@code key=value} arguments (see {@link Scenario#toArgs()}).
	 * @param args the scenario
	 */
	public static void main(String[] args) {
		int status = 0;
		try {
			System.out.println(measure(Scenario.fromArgs(args)).toLine());
		}
		catch (Exception ex) {
			ex.printStackTrace();
			status = 1;
		}
		System.out.flush();
		// Client libraries may leave non-daemon threads behind; this JVM's work is done.
		System.exit(status);
	}

	private static Result measure(Scenario scenario) throws Exception {
		Probe probe = new Probe();
		try (Subject.Running running = subject(scenario).open(scenario, probe)) {
			return new LoadDriver(scenario, probe).run(running);
		}
	}

	static Subject subject(Scenario scenario) {
		return switch (scenario.subject()) {
			case SWITCHBOARD -> new SwitchboardSubject();
			case RAW -> (scenario.transport() == Transport.ZMQ) ? new RawZmqSubject() : new RawAmqpSubject();
			case SPRING_AMQP -> new SpringAmqpSubject();
			case RAW_ENVELOPE_FRAMES -> new RawZmqSubject(EnvelopeFrames.capture(scenario));
			case SWITCHBOARD_RAW_FRAMING -> SwitchboardSubject.withRawFraming();
		};
	}

}
