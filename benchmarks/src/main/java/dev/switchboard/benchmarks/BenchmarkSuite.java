package dev.switchboard.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.switchboard.benchmarks.report.Report;

import org.jspecify.annotations.Nullable;

/**
 * What {@code benchmarks/run.sh} starts: measures every scenario of the plan one after
 * another, each in its own JVM, prints the {@code RESULT} and {@code REFERENCE} lines, and
 * writes the report.
 *
 * <p>Options: {@code --quick} or {@code --smoke} (default: the full plan);
 * {@code --only=<text>} keeps the scenarios whose description contains the text, such as
 * {@code --only="zmq pipeline"}; {@code --jfr=<dir>} records each JVM with Flight Recorder;
 * {@code --results=<dir>} is where the report goes (default {@code benchmarks/results}).
 */
public final class BenchmarkSuite {

	/** A failed measurement is retried once after this long (the shared broker may be restarting). */
	private static final long RETRY_DELAY_MILLIS = 5_000;

	private BenchmarkSuite() {
	}

	/**
	 * Run the suite.
	 * @param args the options
	 * @throws Exception if the report cannot be written
	 */
	public static void main(String[] args) throws Exception {
		Plan plan = Plan.FULL;
		String only = "";
		Path results = Path.of("benchmarks", "results");
		Path recordings = null;
		for (String arg : args) {
			if (arg.equals("--quick")) {
				plan = Plan.QUICK;
			}
			else if (arg.equals("--smoke")) {
				plan = Plan.SMOKE;
			}
			else if (arg.startsWith("--only=")) {
				only = arg.substring("--only=".length());
			}
			else if (arg.startsWith("--jfr=")) {
				recordings = Files.createDirectories(Path.of(arg.substring("--jfr=".length())));
			}
			else if (arg.startsWith("--results=")) {
				results = Path.of(arg.substring("--results=".length()));
			}
			else {
				throw new IllegalArgumentException("Unknown option " + arg);
			}
		}
		String classpath = System.getProperty("benchmarks.classpath", System.getProperty("java.class.path"));
		List<Result> measured = run(plan, only, new ForkedMeasurement(classpath, recordings));
		new Report(plan.name().toLowerCase(Locale.ROOT), measured).writeTo(results);
		System.exit((measured.size() == countOf(plan, only)) ? 0 : 1);
	}

	/**
	 * Measure the plan's scenarios, printing each {@code RESULT} or {@code REFERENCE} line as
	 * it comes. The subjects compared with each other (same transport, pattern, payload and
	 * senders), and the references next to them, run {@link Plan#rounds()} times, taking
	 * turns, and each keeps its fastest run: on a shared machine other work only ever slows a
	 * run down, and taking turns spreads that over all subjects alike.
	 * @param plan the plan
	 * @param only keeps the scenarios whose description contains this text
	 * @param forked runs one measurement
	 * @return the results of the scenarios that succeeded
	 */
	static List<Result> run(Plan plan, String only, ForkedMeasurement forked) throws InterruptedException {
		List<Result> results = new ArrayList<>();
		for (List<Scenario> rivals : comparisons(scenarios(plan, only))) {
			Map<Scenario, Result> fastest = new LinkedHashMap<>();
			for (int round = 0; round < plan.rounds(); round++) {
				for (int turn = 0; turn < rivals.size(); turn++) {
					Scenario scenario = rivals.get((turn + round) % rivals.size());
					Result result = measure(forked, scenario);
					if (result != null) {
						fastest.merge(scenario, result, BenchmarkSuite::faster);
					}
				}
			}
			for (Scenario scenario : rivals) {
				Result result = fastest.get(scenario);
				if (result != null) {
					System.out.println("SCENARIO payload_b=" + scenario.payloadBytes() + " senders=" + scenario.senders());
					System.out.println(result.toLine());
					System.out.flush();
					results.add(result);
				}
			}
		}
		return results;
	}

	private static Result faster(Result a, Result b) {
		return (b.messagesPerSecond() > a.messagesPerSecond()) ? b : a;
	}

	private static Collection<List<Scenario>> comparisons(List<Scenario> scenarios) {
		Map<String, List<Scenario>> groups = new LinkedHashMap<>();
		for (Scenario scenario : scenarios) {
			String key = scenario.transport() + " " + scenario.pattern() + " " + scenario.payloadBytes() + " "
					+ scenario.senders();
			groups.computeIfAbsent(key, (k) -> new ArrayList<>()).add(scenario);
		}
		return groups.values();
	}

	private static @Nullable Result measure(ForkedMeasurement forked, Scenario scenario) throws InterruptedException {
		for (int attempt = 1; attempt <= 2; attempt++) {
			try {
				return forked.run(scenario);
			}
			catch (IOException ex) {
				System.err.println("FAILED (attempt " + attempt + ") " + ex.getMessage());
				Thread.sleep(RETRY_DELAY_MILLIS);
			}
		}
		return null;
	}

	static List<Scenario> scenarios(Plan plan, String only) {
		return plan.scenarios().stream().filter((scenario) -> scenario.toString().contains(only)).toList();
	}

	private static long countOf(Plan plan, String only) {
		return scenarios(plan, only).size();
	}

}
