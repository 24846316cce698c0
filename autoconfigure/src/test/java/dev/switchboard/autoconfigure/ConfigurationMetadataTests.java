package dev.switchboard.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the metadata the configuration processor generates, which is what IDEs show.
 */
class ConfigurationMetadataTests {

	private final JsonNode metadata = read();

	@Test
	void everyPropertyHasADescription() {
		assertThat(this.metadata.get("properties")).isNotEmpty()
			.allSatisfy((property) -> assertThat(property.path("description").asString())
				.as(property.get("name").asString())
				.isNotBlank());
	}

	@Test
	void documentsEveryZmqAndChannelProperty() {
		assertThat(names("properties")).contains("switchboard.transport", "switchboard.zmq.io-threads",
				"switchboard.zmq.linger", "switchboard.zmq.send-high-water-mark",
				"switchboard.zmq.receive-high-water-mark", "switchboard.zmq.max-message-size",
				"switchboard.zmq.connect-wait", "switchboard.zmq.reconnect-interval",
				"switchboard.channels.*.pattern", "switchboard.channels.*.transport",
				"switchboard.channels.*.concurrency", "switchboard.channels.*.request-timeout",
				"switchboard.channels.*.zmq.endpoints", "switchboard.channels.*.zmq.bind",
				"switchboard.channels.*.zmq.framing");
	}

	@Test
	void documentsTheObservationSwitch() {
		assertThat(names("properties")).contains("switchboard.observation.enabled");
		assertThat(defaultValue("switchboard.observation.enabled")).isEqualTo("true");
	}

	@Test
	void givesDefaults() {
		assertThat(defaultValue("switchboard.transport")).isEqualTo("zmq");
		assertThat(defaultValue("switchboard.zmq.max-message-size")).isEqualTo("1MB");
		assertThat(defaultValue("switchboard.channels.*.request-timeout")).isEqualTo("5s");
	}

	@Test
	void hintsTheValuesOfTransportPatternAndFraming() {
		assertThat(hintValues("switchboard.transport")).containsExactly("zmq", "amqp");
		assertThat(hintValues("switchboard.channels.*.pattern")).containsExactly("request-reply", "pub-sub",
				"pipeline", "pair");
		assertThat(hintValues("switchboard.channels.*.zmq.framing")).containsExactly("envelope", "raw");
	}

	private List<String> names(String section) {
		List<String> names = new ArrayList<>();
		this.metadata.get(section).forEach((item) -> names.add(item.get("name").asString()));
		return names;
	}

	private String defaultValue(String name) {
		for (JsonNode property : this.metadata.get("properties")) {
			if (property.get("name").asString().equals(name)) {
				return property.path("defaultValue").asString();
			}
		}
		throw new AssertionError("No property " + name);
	}

	private List<String> hintValues(String name) {
		List<String> values = new ArrayList<>();
		for (JsonNode hint : this.metadata.get("hints")) {
			if (hint.get("name").asString().equals(name)) {
				hint.get("values").forEach((value) -> values.add(value.get("value").asString()));
			}
		}
		return values;
	}

	private static JsonNode read() {
		try (InputStream json = new ClassPathResource("META-INF/spring-configuration-metadata.json")
			.getInputStream()) {
			return JsonMapper.builder().build().readTree(json);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
