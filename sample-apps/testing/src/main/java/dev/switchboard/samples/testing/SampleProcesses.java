package dev.switchboard.samples.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the sample under test ({@code java -jar}, the jar named by the {@code sample.jar}
 * system property that the build sets) and the tutorial's Python peers
 * ({@code /usr/bin/python3}, scripts under {@code python/} on the test class path), and
 * stops whatever still runs after each test. Register it with
 * {@code @RegisterExtension final SampleProcesses processes = new SampleProcesses();}.
 */
public final class SampleProcesses implements AfterEachCallback {

	private static final String PYTHON = "/usr/bin/python3";

	private final Deque<SampleProcess> started = new ConcurrentLinkedDeque<>();

	/**
	 * Start the sample's jar with the given arguments.
	 * @param args program arguments such as {@code --role=server}
	 * @return the running sample
	 */
	public SampleProcess sample(String... args) {
		String jar = System.getProperty("sample.jar");
		if (jar == null) {
			throw new IllegalStateException("System property 'sample.jar' is not set: run the tests with 'mvn verify'");
		}
		List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar));
		command.addAll(List.of(args));
		return track(SampleProcess.start("sample " + String.join(" ", args), command));
	}

	/**
	 * Start one of the tutorial's Python programs with pyzmq.
	 * @param script the script's file name under {@code python/} on the test class path
	 * @param args its arguments
	 * @return the running program
	 */
	public SampleProcess python(String script, String... args) {
		List<String> command = new ArrayList<>(List.of(PYTHON, "-u", script(script).toString()));
		command.addAll(List.of(args));
		return track(SampleProcess.start(script + " " + String.join(" ", args), command));
	}

	/**
	 * A TCP port that nothing listens on right now, so tests running side by side do not
	 * collide on the tutorial's fixed ports.
	 * @return the port
	 */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The loopback TCP endpoint of a port, as ZeroMQ writes it.
	 * @param port the port
	 * @return {@code tcp://127.0.0.1:<port>}
	 */
	public static String tcp(int port) {
		return "tcp://127.0.0.1:" + port;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		boolean failed = context.getExecutionException().isPresent();
		SampleProcess process;
		while ((process = this.started.pollLast()) != null) {
			process.close();
			if (failed) {
				System.err.println(process.describe());
			}
		}
	}

	private SampleProcess track(SampleProcess process) {
		this.started.add(process);
		return process;
	}

	private static String javaCommand() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static Path script(String name) {
		URL url = Thread.currentThread().getContextClassLoader().getResource("python/" + name);
		if (url == null) {
			throw new IllegalArgumentException("No Python peer 'python/" + name + "' on the test class path");
		}
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

}
