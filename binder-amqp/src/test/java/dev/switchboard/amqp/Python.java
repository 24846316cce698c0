package dev.switchboard.amqp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A pika program run with the system Python as an outside client of the broker. Each script
 * bounds its own run time with an alarm and the test bounds the wait, so a broken exchange
 * fails the test rather than hanging it.
 */
final class Python implements AutoCloseable {

	private static final long TIMEOUT_SECONDS = 30;

	private final Process process;

	private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

	private Python(Process process) {
		this.process = process;
		Thread reader = new Thread(this::readLines, "pika-stdout");
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Start a script; its arguments follow as {@code sys.argv[1:]}.
	 */
	static Python start(String script, String... arguments) throws IOException {
		String program = "import signal\nsignal.alarm(" + TIMEOUT_SECONDS + ")\n" + script;
		List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/python3", "-c", program));
		command.addAll(List.of(arguments));
		return new Python(new ProcessBuilder(command).redirectErrorStream(true).start());
	}

	private void readLines() {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				this.lines.add(line);
			}
		}
		catch (IOException ex) {
			this.lines.add("(output unreadable: " + ex + ")");
		}
	}

	/**
	 * The next line the script prints.
	 * @return the line
	 * @throws IllegalStateException if none comes in time
	 */
	String nextLine() throws InterruptedException {
		String line = this.lines.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		if (line == null) {
			throw new IllegalStateException("The pika script printed nothing within " + TIMEOUT_SECONDS + " s");
		}
		return line;
	}

	/**
	 * Wait for the script to end.
	 * @return its exit code
	 */
	int exitCode() throws InterruptedException {
		if (!this.process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			throw new IllegalStateException("The pika script did not finish within " + TIMEOUT_SECONDS + " s");
		}
		return this.process.exitValue();
	}

	@Override
	public void close() {
		this.process.destroyForcibly();
	}

}
