package dev.switchboard.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Runs one {@link Measurement} in a fresh JVM with the same heap settings for every subject,
 * forwards what it logs, and returns its {@code RESULT} (or {@code REFERENCE}) line.
 */
final class ForkedMeasurement {

	private static final List<String> JVM_OPTIONS = List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC");

	private final String classpath;

	private final @Nullable Path recordings;

	/**
	 * @param classpath the class path of the measuring JVM
	 * @param recordings where to write a JFR recording per measurement, or {@code null}
	 */
	ForkedMeasurement(String classpath, @Nullable Path recordings) {
		this.classpath = classpath;
		this.recordings = recordings;
	}

	/**
	 * Measure a scenario.
	 * @param scenario the scenario
	 * @return its result
	 * @throws IOException if the JVM cannot be started or fails
	 * @throws InterruptedException if interrupted while waiting for it
	 */
	Result run(Scenario scenario) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command(scenario)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		Result result = null;
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = output.readLine()) != null) {
				if (Result.isMeasurementLine(line)) {
					result = Result.parse(line, scenario);
				}
				else {
					System.err.println(line);
				}
			}
		}
		if (!process.waitFor(1, TimeUnit.MINUTES)) {
			process.destroyForcibly();
		}
		if (result == null || !result.answers(scenario)) {
			throw new IOException(scenario + ": the measuring JVM exited with " + process.exitValue()
					+ " and no result");
		}
		return result;
	}

	private List<String> command(Scenario scenario) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(JVM_OPTIONS);
		if (this.recordings != null) {
			String name = String.join("-", scenario.transport().id(), scenario.pattern().id(), scenario.subject().id(),
					Integer.toString(scenario.payloadBytes()), Integer.toString(scenario.senders()));
			command.add("-XX:StartFlightRecording=settings=profile,filename="
					+ this.recordings.resolve(name + ".jfr"));
		}
		command.add("-cp");
		command.add(this.classpath);
		command.add(Measurement.class.getName());
		command.addAll(scenario.toArgs());
		return command;
	}

}
