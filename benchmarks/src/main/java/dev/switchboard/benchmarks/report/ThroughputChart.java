package dev.switchboard.benchmarks.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.switchboard.benchmarks.Result;
import dev.switchboard.benchmarks.SubjectKind;
import dev.switchboard.benchmarks.Transport;

/**
 * A horizontal bar chart of throughput as SVG, written by hand so that the report needs no
 * plotting library: one panel per transport (their scales differ by two orders of
 * magnitude), one bar per pattern and subject, 100-byte payloads and one sender. Reference
 * measurements are left to the report's own table.
 */
final class ThroughputChart {

	private static final Map<SubjectKind, String> COLOURS = Map.of(SubjectKind.SWITCHBOARD, "#2b6cb0",
			SubjectKind.RAW, "#a0aec0", SubjectKind.SPRING_AMQP, "#38a169");

	private static final int WIDTH = 860;

	private static final int LABEL_WIDTH = 250;

	private static final int BAR_AREA = 480;

	private static final int ROW = 22;

	private static final int PANEL_GAP = 40;

	private final List<Result> results;

	ThroughputChart(List<Result> results) {
		this.results = results.stream()
			.filter((result) -> !result.subject().reference() && result.payloadBytes() == 100 && result.senders() == 1)
			.toList();
	}

	String svg() {
		StringBuilder body = new StringBuilder();
		int y = 30;
		for (Transport transport : Transport.values()) {
			List<Result> panel = this.results.stream().filter((result) -> result.transport() == transport).toList();
			if (!panel.isEmpty()) {
				y = panel(body, transport, panel, y) + PANEL_GAP;
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH + "\" height=\"" + y
				+ "\" font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
				+ body + legend(y - 20) + "</svg>\n";
	}

	private int panel(StringBuilder svg, Transport transport, List<Result> panel, int top) {
		long max = panel.stream().mapToLong(Result::messagesPerSecond).max().orElse(1);
		svg.append(text(10, top, "font-weight=\"bold\" font-size=\"14\"",
				transport.id().toUpperCase(Locale.ROOT) + ": messages per second (100-byte payloads, one sender)"));
		int y = top + 12;
		for (Result result : panel) {
			int length = (int) Math.max(1, Math.round((double) result.messagesPerSecond() / max * BAR_AREA));
			svg.append(text(10, y + 15, "", result.pattern().id() + " · " + result.subject().id()));
			svg.append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 3).append("\" width=\"")
				.append(length).append("\" height=\"").append(ROW - 6).append("\" fill=\"")
				.append(COLOURS.get(result.subject())).append("\"/>\n");
			String value = String.format(Locale.ROOT, "%,d", result.messagesPerSecond());
			svg.append(text(LABEL_WIDTH + length + 6, y + 15, "", value));
			y += ROW;
		}
		return y;
	}

	private static String legend(int y) {
		StringBuilder legend = new StringBuilder();
		int x = 10;
		for (SubjectKind subject : SubjectKind.values()) {
			if (subject.reference()) {
				continue;
			}
			legend.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"12\" height=\"12\" fill=\"")
				.append(COLOURS.get(subject)).append("\"/>\n");
			legend.append(text(x + 18, y + 11, "", subject.id()));
			x += 140;
		}
		return legend.toString();
	}

	private static String text(int x, int y, String attributes, String content) {
		return "<text x=\"" + x + "\" y=\"" + y + "\" " + attributes + ">" + content + "</text>\n";
	}

}
