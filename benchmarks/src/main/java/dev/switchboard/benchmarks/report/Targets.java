package dev.switchboard.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import dev.switchboard.benchmarks.Result;
import dev.switchboard.benchmarks.SubjectKind;
import dev.switchboard.benchmarks.Transport;
import dev.switchboard.core.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The targets, each a ratio within one run, judged against a run's results.
 */
public final class Targets {

	private final List<Result> results;

	/**
	 * @param results the run's results
	 */
	public Targets(List<Result> results) {
		this.results = results;
	}

	/**
	 * One target and how the run did.
	 *
	 * @param target what the issue asks
	 * @param measured the value found, or {@code n/a}
	 * @param met whether it holds, {@code null} when the run lacks a measurement it needs
	 */
	public record Verdict(String target, String measured, @Nullable Boolean met) {

		/**
		 * The verdict as a word.
		 * @return met, not met, or not measured
		 */
		public String word() {
			return (this.met == null) ? "not measured" : this.met ? "met" : "NOT met";
		}

	}

	/**
	 * Judge every target.
	 * @return the verdicts, in the order
	 */
	public List<Verdict> verdicts() {
		List<Verdict> verdicts = new ArrayList<>();
		verdicts.add(atLeast("ZeroMQ pipeline throughput ≥ 0.8 × raw JeroMQ",
				ratio(Transport.ZMQ, Pattern.PIPELINE, SubjectKind.RAW, 1, Result::messagesPerSecond), 0.8));
		verdicts.add(atLeast("ZeroMQ pub-sub throughput ≥ 0.8 × raw JeroMQ",
				ratio(Transport.ZMQ, Pattern.PUB_SUB, SubjectKind.RAW, 1, Result::messagesPerSecond), 0.8));
		verdicts.add(atMost("ZeroMQ request-reply p50 ≤ 1.2 × raw REQ/REP",
				ratio(Transport.ZMQ, Pattern.REQUEST_REPLY, SubjectKind.RAW, 1, Targets::p50), 1.2));
		verdicts.add(atLeast("ZeroMQ request-reply, 8 callers: throughput ≥ 4 × one caller",
				scaling(Transport.ZMQ, Pattern.REQUEST_REPLY, 8), 4.0));
		verdicts.add(atLeast("AMQP pipeline throughput ≥ 0.9 × raw amqp-client",
				ratio(Transport.AMQP, Pattern.PIPELINE, SubjectKind.RAW, 1, Result::messagesPerSecond), 0.9));
		verdicts.add(atLeast("AMQP pipeline throughput ≥ 1.5 × Spring AMQP",
				ratio(Transport.AMQP, Pattern.PIPELINE, SubjectKind.SPRING_AMQP, 1, Result::messagesPerSecond), 1.5));
		verdicts.add(atMost("AMQP request-reply p50 ≤ 1.1 × raw direct reply-to",
				ratio(Transport.AMQP, Pattern.REQUEST_REPLY, SubjectKind.RAW, 1, Targets::p50), 1.1));
		verdicts.add(atLeast("AMQP request-reply throughput ≥ 1.2 × Spring AMQP", ratio(Transport.AMQP,
				Pattern.REQUEST_REPLY, SubjectKind.SPRING_AMQP, 1, Result::messagesPerSecond), 1.2));
		Optional<Double> allocation = find(Transport.ZMQ, Pattern.PIPELINE, SubjectKind.SWITCHBOARD, 1)
			.map((result) -> (double) result.allocatedBytesPerMessage());
		verdicts.add(new Verdict("ZeroMQ pipeline allocation ≤ 512 B per 100-byte message",
				allocation.map((bytes) -> String.format(Locale.ROOT, "%.0f B", bytes)).orElse("n/a"),
				allocation.map((bytes) -> bytes <= 512).orElse(null)));
		return verdicts;
	}

	private static double p50(Result result) {
		return (result.p50Micros() != null) ? result.p50Micros() : Double.NaN;
	}

	private Optional<Double> ratio(Transport transport, Pattern pattern, SubjectKind baseline, int senders,
			ToDoubleFunction<Result> value) {
		Optional<Result> ours = find(transport, pattern, SubjectKind.SWITCHBOARD, senders);
		Optional<Result> theirs = find(transport, pattern, baseline, senders);
		return ours.flatMap((a) -> theirs.map((b) -> value.applyAsDouble(a) / value.applyAsDouble(b)));
	}

	private Optional<Double> scaling(Transport transport, Pattern pattern, int senders) {
		Optional<Result> many = find(transport, pattern, SubjectKind.SWITCHBOARD, senders);
		Optional<Result> one = find(transport, pattern, SubjectKind.SWITCHBOARD, 1);
		return many.flatMap((a) -> one.map((b) -> (double) a.messagesPerSecond() / b.messagesPerSecond()));
	}

	private Optional<Result> find(Transport transport, Pattern pattern, SubjectKind subject, int senders) {
		return this.results.stream()
			.filter((result) -> result.transport() == transport && result.pattern() == pattern
					&& result.subject() == subject && result.payloadBytes() == 100 && result.senders() == senders)
			.findFirst();
	}

	private static Verdict atLeast(String target, Optional<Double> ratio, double threshold) {
		return new Verdict(target, ratio.map(Targets::times).orElse("n/a"),
				ratio.map((value) -> value >= threshold).orElse(null));
	}

	private static Verdict atMost(String target, Optional<Double> ratio, double threshold) {
		return new Verdict(target, ratio.map(Targets::times).orElse("n/a"),
				ratio.map((value) -> value <= threshold).orElse(null));
	}

	private static String times(double ratio) {
		return String.format(Locale.ROOT, "%.2f ×", ratio);
	}

}
