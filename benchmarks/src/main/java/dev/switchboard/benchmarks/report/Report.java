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
 * Writes {@code latest.md} (the machine, every result, the verdict on each target, the
 * reference measurements apart) and the chart it shows, {@code latest.svg}, which
 * {@code docs/performance.md} shows too.
 */
public final class Report {

	private final String plan;

	private final List<Result> results;

	private final List<Result> references;

	/**
	 * @param plan the name of the plan that ran
	 * @param measured what it measured, subjects and references
	 */
	public Report(String plan, List<Result> measured) {
		this.plan = plan;
		this.results = measured.stream().filter((result) -> !result.subject().reference()).toList();
		this.references = measured.stream().filter((result) -> result.subject().reference()).toList();
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
		md.append("\n## Results\n\n");
		table(md, this.results);
		references(md);
		lines(md, "RESULT lines", this.results);
		lines(md, "REFERENCE lines", this.references);
		return md.toString();
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

	private void references(StringBuilder md) {
		if (this.references.isEmpty()) {
			return;
		}
		md.append("\n## Reference measurements\n\nNot subjects and not judged by any target: they show where the ")
			.append("gap between Switchboard and raw JeroMQ comes from. `raw-envelope-frames` is raw JeroMQ sending ")
			.append("the frames Switchboard's envelope sends (topic and header frames, captured from Switchboard) ")
			.append("before each payload; `switchboard-raw-framing` is Switchboard with `zmq.framing=raw`, one frame ")
			.append("per message. See [docs/performance.md](../../docs/performance.md#method).\n\n");
		table(md, this.references);
	}

	private static void lines(StringBuilder md, String title, List<Result> results) {
		if (results.isEmpty()) {
			return;
		}
		md.append("\n## ").append(title).append("\n\n```\n");
		results.forEach((result) -> md.append(result.toLine()).append('\n'));
		md.append("```\n");
	}

	private static void table(StringBuilder md, List<Result> results) {
		md.append("| transport | pattern | subject | payload (B) | senders | msgs/s | p50 (µs) ")
			.append("| p99 (µs) | alloc (B/msg) |\n|---|---|---|---:|---:|---:|---:|---:|---:|\n");
		for (Result result : results) {
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
