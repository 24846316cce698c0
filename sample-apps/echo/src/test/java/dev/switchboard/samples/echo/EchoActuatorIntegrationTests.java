package dev.switchboard.samples.echo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.switchboard.samples.testing.SampleProcess;
import dev.switchboard.samples.testing.SampleProcesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.switchboard.samples.testing.SampleProcesses.freePort;
import static dev.switchboard.samples.testing.SampleProcesses.tcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The echo server serves the actuator over HTTP when started with {@code --server.port},
 * and opens no port but its ZeroMQ one otherwise.
 */
class EchoActuatorIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	@RegisterExtension
	final SampleProcesses processes = new SampleProcesses();

	private final HttpClient http = HttpClient.newHttpClient();

	private final int zmqPort = freePort();

	@Test
	void serverStartedWithServerPortAnswersHealthMetricsAndTheSwitchboardEndpoint() throws Exception {
		int httpPort = freePort();
		this.processes.sample("--role=server", endpointArgument(), "--server.port=" + httpPort);
		callOnce();
		String base = "http://127.0.0.1:" + httpPort + "/actuator";
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(get(base + "/health").statusCode()).isEqualTo(200));
		assertThat(get(base + "/health").body()).contains("\"switchboard\"", "\"zmq\"", tcp(this.zmqPort));
		HttpResponse<String> switchboard = get(base + "/switchboard");
		assertThat(switchboard.statusCode()).isEqualTo(200);
		assertThat(switchboard.body()).contains("\"echo\"", "\"request-reply\"", "\"received\":1",
				"\"state\":\"running\"", tcp(this.zmqPort));
		assertThat(get(base + "/metrics/switchboard.messages?tag=outcome:received&tag=channel:echo").body()).contains("\"value\":1.0");
		HttpResponse<String> paused = post(base + "/switchboard/echo", "{\"state\":\"paused\"}");
		assertThat(paused.statusCode()).isEqualTo(200);
		assertThat(paused.body()).contains("\"state\":\"paused\"");
		assertThat(post(base + "/switchboard/echo", "{\"state\":\"running\"}").body()).contains("\"state\":\"running\"");
	}

	@Test
	void serverStartedWithoutServerPortListensOnItsZeroMqPortOnly() {
		SampleProcess server = this.processes.sample("--role=server", endpointArgument());
		callOnce();
		assertThat(server.listeningTcpPorts()).as(server::describe).containsExactly(this.zmqPort);
	}

	private void callOnce() {
		SampleProcess client = this.processes.sample("--role=client", "--message=Hi", endpointArgument(),
				"--switchboard.channels.echo.request-timeout=60s");
		assertThat(client.awaitExit(TIMEOUT)).as(client::describe).isZero();
	}

	private HttpResponse<String> get(String uri) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String uri, String json) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(uri))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String endpointArgument() {
		return "--switchboard.channels.echo.zmq.endpoints=" + tcp(this.zmqPort);
	}

}
