package dev.switchboard.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.switchboard.benchmarks.report.Report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the whole harness with tiny counts (real sockets, the local RabbitMQ), so that it keeps
 * compiling and working, references included. It asserts what was measured, never how fast.
 */
class BenchmarkSuiteIntegrationTests {

	@Test
	void everyScenarioOfThePlanPrintsASaneResultLine(@TempDir Path results) throws Exception {
		String classpath = System.getProperty("benchmarks.classpath", System.getProperty("java.class.path"));
		List<Result> measured = BenchmarkSuite.run(Plan.SMOKE, "", new ForkedMeasurement(classpath, null));
		new Report("smoke", measured).writeTo(results);

		for (Scenario scenario : Plan.SMOKE.scenarios()) {
			assertThat(measured).as(scenario.toString()).filteredOn((result) -> result.answers(scenario)).singleElement()
				.satisfies((result) -> {
					assertThat(result.messagesPerSecond()).isPositive();
					assertThat(result.allocatedBytesPerMessage()).isPositive();
					if (scenario.roundTrip()) {
						assertThat(result.p50Micros()).isPositive();
						assertThat(result.p99Micros()).isGreaterThanOrEqualTo(result.p50Micros());
					}
					assertThat(Result.parse(result.toLine(), scenario)).isEqualTo(result);
					assertThat(result.toLine()).matches((scenario.subject().reference() ? "REFERENCE" : "RESULT")
							+ " transport=\\S+ pattern=\\S+ subject=" + scenario.subject().id() + " msgs_per_s=\\d+"
							+ " p50_us=\\S+ p99_us=\\S+ alloc_b_per_msg=\\d+");
				});
		}
		assertThat(Plan.SMOKE.scenarios()).extracting(Scenario::subject)
			.contains(SubjectKind.RAW_ENVELOPE_FRAMES, SubjectKind.SWITCHBOARD_RAW_FRAMING);
		assertThat(Files.readString(results.resolve("latest.md"))).contains("RESULT transport=", "latest.svg",
				"## Reference measurements", "REFERENCE transport=zmq pattern=pipeline subject=raw-envelope-frames",
				"REFERENCE transport=zmq pattern=pub-sub subject=switchboard-raw-framing");
		assertThat(Files.readString(results.resolve("latest.svg"))).startsWith("<svg");
	}

}
