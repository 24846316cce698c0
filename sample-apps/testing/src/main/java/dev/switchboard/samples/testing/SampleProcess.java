package dev.switchboard.samples.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One running program whose standard output and error are captured line by line, so a
 * test can wait for what it prints and for its exit code. Closing it stops the program
 * within a bounded time.
 */
public final class SampleProcess implements AutoCloseable {

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

	private final String name;

	private final Process process;

	private final List<String> stdout = new CopyOnWriteArrayList<>();

	private final List<String> stderr = new CopyOnWriteArrayList<>();

	private final Thread stdoutReader;

	private final Thread stderrReader;

	private SampleProcess(String name, Process process) {
		this.name = name;
		this.process = process;
		this.stdoutReader = reader(name + "-stdout", process.getInputStream(), this.stdout);
		this.stderrReader = reader(name + "-stderr", process.getErrorStream(), this.stderr);
	}

	static SampleProcess start(String name, List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
			process.getOutputStream().close();
			return new SampleProcess(name, process);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name + ": " + command, ex);
		}
	}

	/**
	 * The lines printed on standard output so far.
	 * @return a snapshot of the lines
	 */
	public List<String> stdout() {
		return List.copyOf(this.stdout);
	}

	/**
	 * Everything printed on standard error so far.
	 * @return the lines joined by new lines
	 */
	public String stderr() {
		return String.join("\n", this.stderr);
	}

	/**
	 * Wait until the program has printed at least {@code count} lines on standard output.
	 * @param count how many lines
	 * @param timeout how long to wait at most
	 * @return the lines printed so far
	 */
	public List<String> awaitStdoutLines(int count, Duration timeout) {
		await().atMost(timeout).untilAsserted(() -> assertThat(this.stdout).as(this::describe).hasSizeGreaterThanOrEqualTo(count));
		return stdout();
	}

	/**
	 * Wait until the program has printed {@code text} on standard error, as a log line.
	 * @param text the text to look for
	 * @param timeout how long to wait at most
	 */
	public void awaitStderrContaining(String text, Duration timeout) {
		await().atMost(timeout).untilAsserted(() -> assertThat(stderr()).as(this::describe).contains(text));
	}

	/**
	 * Wait for the program to end by itself, and for everything it printed to be read.
	 * @param timeout how long to wait at most
	 * @return its exit code
	 */
	public int awaitExit(Duration timeout) {
		try {
			boolean exited = this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(exited).as(() -> "exited within " + timeout + ": " + describe()).isTrue();
			this.stdoutReader.join(STOP_TIMEOUT.toMillis());
			this.stderrReader.join(STOP_TIMEOUT.toMillis());
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for " + this.name, ex);
		}
	}

	/**
	 * Kill the program at once with SIGKILL, as a crash would: no shutdown hook runs, nothing
	 * is acknowledged or closed.
	 */
	public void kill() {
		try {
			this.process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The TCP ports the program listens on now, read from {@code /proc} (Linux): its socket
	 * file descriptors matched against the listening sockets of its network namespace.
	 * @return the ports
	 */
	public Set<Integer> listeningTcpPorts() {
		Path proc = Path.of("/proc", Long.toString(this.process.pid()));
		try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
			Set<String> sockets = fds.map(SampleProcess::linkTarget)
				.filter((target) -> target.startsWith("socket:["))
				.map((target) -> target.substring("socket:[".length(), target.length() - 1))
				.collect(Collectors.toSet());
			Set<Integer> ports = new TreeSet<>();
			for (String table : List.of("tcp", "tcp6")) {
				for (String line : Files.readAllLines(proc.resolve("net").resolve(table))) {
					String[] fields = line.trim().split("\\s+");
					if (fields.length > 9 && fields[3].equals("0A") && sockets.contains(fields[9])) {
						String local = fields[1];
						ports.add(Integer.parseInt(local.substring(local.indexOf(':') + 1), 16));
					}
				}
			}
			return ports;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the sockets of " + this.name, ex);
		}
	}

	private static String linkTarget(Path link) {
		try {
			return Files.readSymbolicLink(link).toString();
		}
		catch (IOException ex) {
			return "";
		}
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * The program's name, state and everything it printed, for failure messages.
	 * @return the description
	 */
	public String describe() {
		String state = this.process.isAlive() ? "running" : "exited with " + this.process.exitValue();
		return this.name + " (" + state + ")\n--- stdout ---\n" + String.join("\n", this.stdout) + "\n--- stderr ---\n"
				+ stderr() + "\n---";
	}

	/**
	 * Stop the program if it still runs: politely first, then forcibly, each within a
	 * bounded time.
	 */
	@Override
	public void close() {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	private static Thread reader(String name, InputStream stream, List<String> lines) {
		Thread thread = new Thread(() -> {
			try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					lines.add(line);
				}
			}
			catch (IOException ex) {
				// The process went away; what it printed so far is kept.
			}
		}, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

}
