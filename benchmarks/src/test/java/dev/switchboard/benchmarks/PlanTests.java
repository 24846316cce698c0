package dev.switchboard.benchmarks;

import java.util.List;

import dev.switchboard.core.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which scenarios the plans hold: the references run next to the subjects they explain.
 */
class PlanTests {

	@Test
	void quickPlanMeasuresTheZeroMqReferencesNextToPipelinePubSubAndRequestReply() {
		assertThat(subjects(Plan.QUICK, "zmq pipeline")).containsExactly(SubjectKind.SWITCHBOARD, SubjectKind.RAW,
				SubjectKind.RAW_ENVELOPE_FRAMES, SubjectKind.SWITCHBOARD_RAW_FRAMING);
		assertThat(subjects(Plan.QUICK, "zmq pub-sub")).containsExactly(SubjectKind.SWITCHBOARD, SubjectKind.RAW,
				SubjectKind.RAW_ENVELOPE_FRAMES, SubjectKind.SWITCHBOARD_RAW_FRAMING);
		assertThat(subjects(Plan.QUICK, "zmq request-reply")).containsExactly(SubjectKind.SWITCHBOARD,
				SubjectKind.RAW, SubjectKind.RAW_ENVELOPE_FRAMES, SubjectKind.SWITCHBOARD, SubjectKind.RAW);
	}

	@Test
	void referencesRunOnlyOnZeroMqWithOneSender() {
		for (Plan plan : Plan.values()) {
			assertThat(plan.scenarios()).filteredOn((scenario) -> scenario.subject().reference())
				.isNotEmpty()
				.allSatisfy((scenario) -> {
					assertThat(scenario.transport()).isEqualTo(Transport.ZMQ);
					assertThat(scenario.senders()).isOne();
				});
		}
	}

	@Test
	void fullPlanMeasuresTheReferencesAtEveryPayloadSize() {
		assertThat(Plan.FULL.scenarios()).filteredOn((scenario) -> scenario.subject() == SubjectKind.RAW_ENVELOPE_FRAMES
				&& scenario.pattern() == Pattern.PAIR)
			.extracting(Scenario::payloadBytes)
			.containsExactly(100, 1024, 64 * 1024);
	}

	@Test
	void everythingComparedInOneRunWarmsUpAndMeasuresForTheSameTime() {
		for (Plan plan : Plan.values()) {
			for (Scenario scenario : plan.scenarios()) {
				assertThat(plan.scenarios()).filteredOn((other) -> other.transport() == scenario.transport()
						&& other.pattern() == scenario.pattern() && other.payloadBytes() == scenario.payloadBytes()
						&& other.senders() == scenario.senders())
					.allSatisfy((rival) -> {
						assertThat(rival.warmupMillis()).isEqualTo(scenario.warmupMillis());
						assertThat(rival.windowMillis()).isEqualTo(scenario.windowMillis());
					});
			}
		}
	}

	private static List<SubjectKind> subjects(Plan plan, String only) {
		return BenchmarkSuite.scenarios(plan, only).stream().map(Scenario::subject).toList();
	}

}
