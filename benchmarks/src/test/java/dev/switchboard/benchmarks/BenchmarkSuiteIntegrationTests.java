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
 * compiling and working. It asserts what was measured, never how fast.
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
					assertThat(result.toLine()).matches("RESULT transport=\\S+ pattern=\\S+ subject=\\S+ msgs_per_s=\\d+"
							+ " p50_us=\\S+ p99_us=\\S+ alloc_b_per_msg=\\d+");
				});
		}
		assertThat(Files.readString(results.resolve("latest.md"))).contains("RESULT transport=", "latest.svg");
		assertThat(Files.readString(results.resolve("latest.svg"))).startsWith("<svg");
	}

}
