package dev.switchboard.amqp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code rabbitmqctl} against the shared test broker, each call bounded in time. The
 * fault tests use it to cause outages; each restores what it changed in a {@code finally}.
 */
final class RabbitCtl {

	private static final long TIMEOUT_SECONDS = 60;

	private RabbitCtl() {
	}

	static String run(String... args) {
		List<String> command = new ArrayList<>(List.of("rabbitmqctl", "-q"));
		command.addAll(List.of(args));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(command + " did not finish within " + TIMEOUT_SECONDS + " s");
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException(command + " failed (" + process.exitValue() + "): " + output);
			}
			return output.trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Close every connection whose client-provided name contains {@code name}, as an operator
	 * (or a network failure) would.
	 * @return how many were closed
	 */
	static int closeConnections(String name) {
		int closed = 0;
		for (String line : run("list_connections", "pid", "client_properties").split("\n")) {
			if (line.contains("\"" + name) && line.contains("connection_name")) {
				String pid = line.substring(0, line.indexOf('\t')).trim();
				run("close_connection", pid, "switchboard fault test");
				closed++;
			}
		}
		return closed;
	}

	/**
	 * The broker's memory high watermark as {@code set_vm_memory_high_watermark} takes it
	 * back: a fraction such as {@code 0.4}, or {@code absolute <bytes>}.
	 */
	static List<String> memoryWatermark() {
		String value = run("eval", "vm_memory_monitor:get_vm_memory_high_watermark().");
		if (value.startsWith("{absolute,")) {
			return List.of("absolute", value.substring("{absolute,".length(), value.length() - 1).trim());
		}
		return List.of(value);
	}

	static void setMemoryWatermark(List<String> watermark) {
		List<String> args = new ArrayList<>(List.of("set_vm_memory_high_watermark"));
		args.addAll(watermark);
		run(args.toArray(String[]::new));
	}

}
