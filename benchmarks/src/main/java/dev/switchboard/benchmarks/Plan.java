package dev.switchboard.benchmarks;

import java.util.ArrayList;
import java.util.List;

import dev.switchboard.core.Pattern;

/**
 * Which scenarios a run measures, with message counts that make each measured window last
 * a few seconds on a 2-core machine (tiny ones for the smoke test).
 */
enum Plan {

	/** Every subject once with tiny counts: keeps the harness compiling and working. */
	SMOKE,

	/** 100-byte payloads, one sender, plus eight callers on ZeroMQ request-reply. */
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
		int messages = messages(transport, pattern, payload, senders);
		int warmup = Math.max(senders, messages / 3);
		for (SubjectKind subject : subjects(transport, pattern)) {
			scenarios.add(new Scenario(transport, pattern, subject, payload, senders, messages, warmup));
		}
	}

	private static List<SubjectKind> subjects(Transport transport, Pattern pattern) {
		if (transport == Transport.AMQP && (pattern == Pattern.PIPELINE || pattern == Pattern.REQUEST_REPLY)) {
			return List.of(SubjectKind.SWITCHBOARD, SubjectKind.RAW, SubjectKind.SPRING_AMQP);
		}
		return List.of(SubjectKind.SWITCHBOARD, SubjectKind.RAW);
	}

	/**
	 * Counts sized from what each transport and pattern moves per second here: ZeroMQ one-way
	 * hundreds of thousands, ZeroMQ round trips tens of thousands, AMQP (each send awaiting its
	 * confirm, each call its reply) about a thousand or two. Larger payloads and more senders
	 * scale the count so that the window stays seconds long.
	 */
	private int messages(Transport transport, Pattern pattern, int payload, int senders) {
		if (this == SMOKE) {
			return 200 * senders;
		}
		int base = (transport == Transport.ZMQ) ? ((pattern == Pattern.REQUEST_REPLY) ? 40_000 : 600_000)
				: ((pattern == Pattern.REQUEST_REPLY) ? 6_000 : 3_000);
		if (this == FULL) {
			base *= 2;
		}
		double sizeFactor = Math.min(1.0, 4096.0 / payload);
		return (int) Math.max(senders, base * sizeFactor * Math.min(senders, 4));
	}

}
