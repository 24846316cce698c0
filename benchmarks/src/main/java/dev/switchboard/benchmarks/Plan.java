package dev.switchboard.benchmarks;

import java.util.ArrayList;
import java.util.List;

import dev.switchboard.core.Pattern;

/**
 * Which scenarios a run measures, and for how long: each measured window lasts a couple of
 * seconds (quick) or five (full); the smoke test's are a fraction of a second.
 */
enum Plan {

	/** Every subject once with tiny counts: keeps the harness compiling and working. */
	SMOKE,

	/**
	 * 100-byte payloads, one sender, plus eight callers on ZeroMQ request-reply, and the
	 * ZeroMQ references.
	 */
	QUICK,

	/** The quick plan plus 1 KB and 64 KB payloads and 4 and 8 senders. */
	FULL;

	private static final int BASE_PAYLOAD = 100;

	private static final List<Pattern> PATTERNS = List.of(Pattern.PIPELINE, Pattern.PUB_SUB, Pattern.REQUEST_REPLY,
			Pattern.PAIR);

	/**
	 * How many times each subject runs, taking turns with its rivals; each keeps its fastest
	 * run. The quick plan runs each once: its four minutes hold one warm-up long enough for
	 * the JIT (see {@link #warmupMillis(Transport)}) per subject, not two.
	 * @return the number of rounds
	 */
	int rounds() {
		return switch (this) {
			case SMOKE, QUICK -> 1;
			case FULL -> 3;
		};
	}

	List<Scenario> scenarios() {
		List<Scenario> scenarios = new ArrayList<>();
		for (Transport transport : Transport.values()) {
			for (Pattern pattern : PATTERNS) {
				add(scenarios, transport, pattern, BASE_PAYLOAD, 1);
			}
		}
		add(scenarios, Transport.ZMQ, Pattern.REQUEST_REPLY, BASE_PAYLOAD, 8);
		if (this == FULL) {
			for (Transport transport : Transport.values()) {
				for (Pattern pattern : PATTERNS) {
					add(scenarios, transport, pattern, 1024, 1);
					add(scenarios, transport, pattern, 64 * 1024, 1);
					if (pattern != Pattern.PAIR) {
						add(scenarios, transport, pattern, BASE_PAYLOAD, 4);
						if (transport != Transport.ZMQ || pattern != Pattern.REQUEST_REPLY) {
							add(scenarios, transport, pattern, BASE_PAYLOAD, 8);
						}
					}
				}
			}
		}
		return scenarios;
	}

	private void add(List<Scenario> scenarios, Transport transport, Pattern pattern, int payload, int senders) {
		List<SubjectKind> measured = new ArrayList<>(subjects(transport, pattern));
		measured.addAll(references(transport, pattern, senders));
		for (SubjectKind subject : measured) {
			scenarios.add(new Scenario(transport, pattern, subject, payload, senders, warmupMillis(transport),
					windowMillis()));
		}
	}

	/**
	 * How long the senders send before the window opens, the same for everything compared in
	 * one run, and long enough for the JIT to have compiled the hot paths, which on 2 busy
	 * cores takes seconds, not messages (measured in {@code docs/performance.md}, Method):
	 * ZeroMQ subjects reach a steady rate 1 to 4 s (raw JeroMQ) or 2 to 9 s (Switchboard)
	 * after start; AMQP subjects, whose JIT thresholds take longer to reach at 1,500 messages
	 * a second, rise for 5 to 10 s, all of them alike. The quick plan has room for 5 s on
	 * ZeroMQ, where a short warm-up moved the ratios most, and 2 s on AMQP.
	 */
	private int warmupMillis(Transport transport) {
		return switch (this) {
			case SMOKE -> 200;
			case QUICK -> (transport == Transport.ZMQ) ? 5_000 : 2_000;
			case FULL -> 10_000;
		};
	}

	private int windowMillis() {
		return switch (this) {
			case SMOKE -> 300;
			case QUICK -> 1_500;
			case FULL -> 5_000;
		};
	}

	private static List<SubjectKind> subjects(Transport transport, Pattern pattern) {
		if (transport == Transport.AMQP && (pattern == Pattern.PIPELINE || pattern == Pattern.REQUEST_REPLY)) {
			return List.of(SubjectKind.SWITCHBOARD, SubjectKind.RAW, SubjectKind.SPRING_AMQP);
		}
		return List.of(SubjectKind.SWITCHBOARD, SubjectKind.RAW);
	}

	/**
	 * The references that run next to ZeroMQ's one-sender comparisons, where the targets
	 * compare Switchboard's envelope with raw JeroMQ's single frame: raw JeroMQ with the
	 * envelope's frames on every pattern (the quick plan leaves out pair, which has no
	 * target), and Switchboard with raw framing on pipeline and pub-sub.
	 */
	private List<SubjectKind> references(Transport transport, Pattern pattern, int senders) {
		if (transport != Transport.ZMQ || senders != 1) {
			return List.of();
		}
		List<SubjectKind> references = new ArrayList<>();
		if (this != QUICK || pattern != Pattern.PAIR) {
			references.add(SubjectKind.RAW_ENVELOPE_FRAMES);
		}
		if (pattern == Pattern.PIPELINE || pattern == Pattern.PUB_SUB) {
			references.add(SubjectKind.SWITCHBOARD_RAW_FRAMING);
		}
		return references;
	}

}
