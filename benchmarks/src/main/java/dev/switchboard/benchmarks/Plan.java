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
	 * run.
	 * @return the number of rounds
	 */
	int rounds() {
		return switch (this) {
			case SMOKE -> 1;
			case QUICK -> 2;
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
			scenarios.add(new Scenario(transport, pattern, subject, payload, senders, warmupMillis(), windowMillis()));
		}
	}

	/**
	 * Long enough for the JIT to compile the hot paths (tens of thousands of ZeroMQ messages,
	 * a thousand or more AMQP ones on this machine) and to estimate the rate that sizes the
	 * window.
	 */
	private int warmupMillis() {
		return switch (this) {
			case SMOKE -> 200;
			case QUICK -> 1_000;
			case FULL -> 3_000;
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
