package dev.switchboard.benchmarks.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import dev.switchboard.benchmarks.Result;

import org.jspecify.annotations.Nullable;

/**
 * Writes {@code latest.md} (the machine, every result, the verdict on each target) and the
 * chart it shows, {@code latest.svg}, which {@code docs/performance.md} shows too.
 */
public final class Report {

	private final String plan;

	private final List<Result> results;

	/**
	 * @param plan the name of the plan that ran
	 * @param results what it measured
	 */
	public Report(String plan, List<Result> results) {
		this.plan = plan;
		this.results = results;
	}

	/**
	 * Write the report and the chart.
	 * @param directory where to write them
	 * @throws IOException if they cannot be written
	 */
	public void writeTo(Path directory) throws IOException {
		Files.createDirectories(directory);
		Files.writeString(directory.resolve("latest.svg"), new ThroughputChart(this.results).svg(),
				StandardCharsets.UTF_8);
		Files.writeString(directory.resolve("latest.md"), markdown(), StandardCharsets.UTF_8);
	}

	String markdown() {
		StringBuilder md = new StringBuilder();
		header(md);
		targets(md);
		table(md);
		md.append("\n## RESULT lines\n\n```\n");
		this.results.forEach((result) -> md.append(result.toLine()).append('\n'));
		return md.append("```\n").toString();
	}

	private void header(StringBuilder md) {
		md.append("# Benchmark results (").append(this.plan).append(" run)\n\n")
			.append("Measured ")
			.append(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME))
			.append(" on ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" cores, ")
			.append(System.getProperty("java.vm.name"))
			.append(' ')
			.append(System.getProperty("java.version"))
			.append(", ")
			.append(ManagementFactory.getOperatingSystemMXBean().getName())
			.append(". Written by `benchmarks/run.sh`; see [docs/performance.md](../../docs/performance.md)")
			.append(" for the method.\n\n![Throughput by subject](latest.svg)\n\n");
	}

	private void targets(StringBuilder md) {
		md.append("## Targets\n\n| target | measured | verdict |\n|---|---|---|\n");
		for (Targets.Verdict verdict : new Targets(this.results).verdicts()) {
			md.append("| ").append(verdict.target()).append(" | ").append(verdict.measured()).append(" | ")
				.append(verdict.word()).append(" |\n");
		}
	}

	private void table(StringBuilder md) {
		md.append("\n## Results\n\n| transport | pattern | subject | payload (B) | senders | msgs/s | p50 (µs) ")
			.append("| p99 (µs) | alloc (B/msg) |\n|---|---|---|---:|---:|---:|---:|---:|---:|\n");
		for (Result result : this.results) {
			md.append("| ").append(result.transport().id()).append(" | ").append(result.pattern().id()).append(" | ")
				.append(result.subject().id()).append(" | ").append(result.payloadBytes()).append(" | ")
				.append(result.senders()).append(" | ")
				.append(String.format(Locale.ROOT, "%,d", result.messagesPerSecond())).append(" | ")
				.append(micros(result.p50Micros())).append(" | ").append(micros(result.p99Micros())).append(" | ")
				.append(result.allocatedBytesPerMessage()).append(" |\n");
		}
	}

	private static String micros(@Nullable Double micros) {
		return (micros != null) ? String.format(Locale.ROOT, "%.1f", micros) : "–";
	}

}
