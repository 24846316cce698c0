package dev.switchboard.benchmarks.report;

import java.util.ArrayList;
import java.util.List;

import dev.switchboard.benchmarks.Result;
import dev.switchboard.benchmarks.SubjectKind;
import dev.switchboard.benchmarks.Transport;
import dev.switchboard.core.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * References are reported in a table of their own and change no verdict.
 */
class ReportTests {

	private static final List<Result> SUBJECTS = List.of(pipeline(SubjectKind.SWITCHBOARD, 400_000),
			pipeline(SubjectKind.RAW, 2_000_000));

	private static final List<Result> REFERENCES = List.of(pipeline(SubjectKind.RAW_ENVELOPE_FRAMES, 1_200_000),
			pipeline(SubjectKind.SWITCHBOARD_RAW_FRAMING, 900_000));

	@Test
	void referencesChangeNoVerdict() {
		List<Result> all = new ArrayList<>(SUBJECTS);
		all.addAll(REFERENCES);
		assertThat(new Targets(all).verdicts()).isEqualTo(new Targets(SUBJECTS).verdicts());
	}

	@Test
	void referencesHaveTheirOwnTableAndLines() {
		List<Result> all = new ArrayList<>(SUBJECTS);
		all.addAll(REFERENCES);
		String markdown = new Report("quick", all).markdown();
		String results = section(markdown, "## Results");
		String references = section(markdown, "## Reference measurements");
		assertThat(results).contains("| switchboard |", "| raw |").doesNotContain("raw-envelope-frames",
				"switchboard-raw-framing");
		assertThat(references).contains("| raw-envelope-frames |", "| switchboard-raw-framing |")
			.doesNotContain("| switchboard |", "| raw |");
		assertThat(section(markdown, "## RESULT lines")).doesNotContain("REFERENCE");
		assertThat(section(markdown, "## REFERENCE lines")).contains(
				"REFERENCE transport=zmq pattern=pipeline subject=raw-envelope-frames msgs_per_s=1200000 p50_us=-"
						+ " p99_us=- alloc_b_per_msg=800");
	}

	@Test
	void aRunWithoutReferencesHasNoReferenceSection() {
		assertThat(new Report("quick", SUBJECTS).markdown()).doesNotContain("Reference", "REFERENCE");
	}

	private static Result pipeline(SubjectKind subject, long rate) {
		return new Result(Transport.ZMQ, Pattern.PIPELINE, subject, 100, 1, rate, null, null, 800);
	}

	/** From a heading to the next one. */
	private static String section(String markdown, String heading) {
		int start = markdown.indexOf(heading + "\n");
		assertThat(start).as(heading).isNotNegative();
		int end = markdown.indexOf("\n## ", start + heading.length());
		return markdown.substring(start, (end < 0) ? markdown.length() : end);
	}

}
