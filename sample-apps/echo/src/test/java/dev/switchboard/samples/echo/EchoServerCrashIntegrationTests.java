package dev.switchboard.samples.echo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import dev.switchboard.RequestTimeoutException;
import dev.switchboard.binder.BinderRegistry;
import dev.switchboard.core.ChannelRegistry;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.Pattern;
import dev.switchboard.core.SwitchboardTemplate;
import dev.switchboard.samples.testing.SampleProcess;
import dev.switchboard.samples.testing.SampleProcesses;
import dev.switchboard.support.converter.PayloadConverter;
import dev.switchboard.zmq.ZmqBinder;
import dev.switchboard.zmq.ZmqBinderOptions;
import dev.switchboard.zmq.ZmqChannelOptions;
import dev.switchboard.zmq.ZmqFraming;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import static dev.switchboard.samples.testing.SampleProcesses.freePort;
import static dev.switchboard.samples.testing.SampleProcesses.tcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The echo server's jar killed with SIGKILL under a ZeroMQ caller in this JVM, then started
 * again on the same endpoint. To have calls truly in flight at the crash (the echo server
 * answers at once), the server is first frozen with SIGSTOP: the calls reach its socket and
 * are never answered, then SIGKILL ends it as a crash would.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EchoServerCrashIntegrationTests {

	private static final Duration STARTUP = Duration.ofSeconds(90);

	@RegisterExtension
	final SampleProcesses processes = new SampleProcesses();

	private final String endpoint = tcp(freePort());

	private final List<ZmqBinder> binders = new ArrayList<>();

	@AfterEach
	void closeCallers() {
		this.binders.forEach(ZmqBinder::close);
	}

	@Test
	void callsInFlightAtACrashTimeOutNamingTheChannelAndLaterCallsReachTheRestartedServer() throws Exception {
		SwitchboardTemplate caller = caller(0);
		SampleProcess server = startServer();
		connect(caller);
		freeze(server);
		List<CompletableFuture<String>> inFlight = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			inFlight.add(caller.requestAsync("echo", "in flight " + i, String.class, Duration.ofSeconds(3)));
		}
		Thread.sleep(200);
		server.kill();
		assertThat(server.isAlive()).isFalse();
		for (CompletableFuture<String> call : inFlight) {
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> call.get(30, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(RequestTimeoutException.class)
				.withMessageContaining("'echo'")
				.withMessageContaining("within 3000 ms");
		}
		startServer();
		for (int i = 0; i < 10; i++) {
			assertThat(caller.request("echo", "after " + i, String.class, Duration.ofSeconds(10)))
				.isEqualTo("Echo: after " + i);
		}
	}

	@Test
	void withRequestRetriesARequestLostInTheCrashAndOneSentWhileTheServerIsDownAreAnsweredOnceItIsBack()
			throws Exception {
		SwitchboardTemplate caller = caller(59);
		SampleProcess server = startServer();
		connect(caller);
		freeze(server);
		CompletableFuture<String> lost = caller.requestAsync("echo", "lost in the crash", String.class,
				Duration.ofSeconds(60));
		Thread.sleep(200);
		server.kill();
		assertThat(server.isAlive()).isFalse();
		CompletableFuture<String> whileDown = caller.requestAsync("echo", "sent while down", String.class,
				Duration.ofSeconds(60));
		Thread.sleep(1500);
		assertThat(lost).as("nobody to answer yet").isNotDone();
		assertThat(whileDown).as("nobody to answer yet").isNotDone();
		SampleProcess restarted = this.processes.sample("--role=server", endpointArgument());
		assertThat(lost.get(90, TimeUnit.SECONDS)).isEqualTo("Echo: lost in the crash");
		assertThat(whileDown.get(90, TimeUnit.SECONDS)).isEqualTo("Echo: sent while down");
		assertThat(restarted.stdout()).as("the restarted server got a resent copy of the lost request")
			.contains("Received request: lost in the crash");
	}

	/**
	 * A template calling the echo channel over ZeroMQ in raw framing, as the echo sample
	 * does.
	 * @param requestRetries Lazy Pirate resends within each call's timeout
	 * @return the template
	 */
	private SwitchboardTemplate caller(int requestRetries) {
		ChannelSpec echo = ChannelSpec.of("echo", Pattern.REQUEST_REPLY, ZmqBinder.TRANSPORT);
		ZmqBinder binder = new ZmqBinder(ZmqBinderOptions.defaults(), (channel) -> ZmqChannelOptions.of(this.endpoint)
			.withFraming(ZmqFraming.RAW)
			.withRequestRetries(requestRetries));
		this.binders.add(binder);
		return new SwitchboardTemplate(new ChannelRegistry(List.of(echo)), new BinderRegistry(List.of(binder)),
				PayloadConverter.withJsonMapper(JsonMapper.builder().build()));
	}

	/**
	 * Start the echo server's jar on the test's endpoint and wait until it answers a caller
	 * of its own, which sends no resends.
	 */
	private SampleProcess startServer() {
		SampleProcess server = this.processes.sample("--role=server", endpointArgument());
		SwitchboardTemplate probe = caller(0);
		await().atMost(STARTUP)
			.ignoreExceptions()
			.until(() -> probe.request("echo", "probe", String.class, Duration.ofSeconds(1)).equals("Echo: probe"));
		return server;
	}

	/**
	 * Make a call, so that the caller's socket has completed its handshake with the server
	 * and the requests that follow are written to the server's connection rather than
	 * queued in the caller waiting for one.
	 */
	private static void connect(SwitchboardTemplate caller) {
		assertThat(caller.request("echo", "connected?", String.class, Duration.ofSeconds(10)))
			.isEqualTo("Echo: connected?");
	}

	/**
	 * Stop the server's process with SIGSTOP: it keeps its sockets, so requests reach it,
	 * but it answers none.
	 */
	private static void freeze(SampleProcess server) throws InterruptedException {
		long pid = pidOf(server);
		try {
			Process kill = new ProcessBuilder("kill", "-STOP", Long.toString(pid)).inheritIO().start();
			assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("SIGSTOP sent to " + pid).isTrue();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The process id of a running sample, found among this JVM's child processes by the port
	 * it listens on.
	 */
	private static long pidOf(SampleProcess server) {
		Integer port = server.listeningTcpPorts().iterator().next();
		return ProcessHandle.current()
			.children()
			.filter(ProcessHandle::isAlive)
			.filter((child) -> child.info().arguments().map(List::of).orElse(List.of()).stream()
				.anyMatch((argument) -> argument.endsWith(":" + port)))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No child process listens on port " + port))
			.pid();
	}

	private String endpointArgument() {
		return "--switchboard.channels.echo.zmq.endpoints=" + this.endpoint;
	}

}
