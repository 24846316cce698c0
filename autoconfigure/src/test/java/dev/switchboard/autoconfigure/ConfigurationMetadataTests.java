package dev.switchboard.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.switchboard.autoconfigure.amqp.AmqpProperties;
import dev.switchboard.autoconfigure.observation.SwitchboardObservationProperties;
import dev.switchboard.autoconfigure.zmq.ZmqProperties;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the metadata the configuration processor generates, which is what IDEs show:
 * every property the properties classes bind must be there with a description and, where
 * the field has one, its default, so a new property without metadata fails the build.
 */
class ConfigurationMetadataTests {

	private static final Object NO_DEFAULT = new Object();

	private final JsonNode metadata = read();

	@Test
	void everyPropertyHasADescription() {
		assertThat(this.metadata.get("properties")).isNotEmpty()
			.allSatisfy((property) -> assertThat(property.path("description").asString())
				.as(property.get("name").asString())
				.isNotBlank());
	}

	@Test
	void documentsEveryBoundPropertyWithADescriptionAndItsDefault() {
		Map<String, JsonNode> properties = properties();
		Map<String, Object> bound = new TreeMap<>();
		bound(SwitchboardProperties.class, "switchboard", bound);
		bound(ZmqProperties.class, "switchboard.zmq", bound);
		bound(AmqpProperties.class, "switchboard.amqp", bound);
		bound(SwitchboardObservationProperties.class, "switchboard.observation", bound);
		assertThat(bound).containsKeys("switchboard.channels.*.retry.max-attempts",
				"switchboard.channels.*.zmq.request-retries", "switchboard.channels.*.amqp.dead-letter-queue");
		bound.forEach((name, defaultValue) -> {
			assertThat(properties).as("metadata of %s", name).containsKey(name);
			assertThat(properties.get(name).path("description").asString()).as("description of %s", name)
				.isNotBlank();
			if (defaultValue != NO_DEFAULT) {
				assertThat(properties.get(name).has("defaultValue")).as("default of %s (%s)", name, defaultValue)
					.isTrue();
			}
		});
	}

	@Test
	void documentsTheHealthSwitch() {
		assertThat(names("properties")).contains("management.health.switchboard.enabled");
		assertThat(defaultValue("management.health.switchboard.enabled")).isEqualTo("true");
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

	/**
	 * Collect every property a {@code @ConfigurationProperties} class binds, by its
	 * metadata name, with its default: nested groups (classes of this module) are walked,
	 * and so are the value types of maps ({@code <prefix>.*}).
	 */
	private static void bound(Class<?> type, String prefix, Map<String, Object> bound) {
		Object instance = BeanUtils.instantiateClass(type);
		ReflectionUtils.doWithFields(type, (field) -> {
			String name = prefix + "." + kebab(field.getName());
			ReflectionUtils.makeAccessible(field);
			Object value = field.get(instance);
			if (Map.class.isAssignableFrom(field.getType())) {
				bound(ResolvableType.forField(field).asMap().getGeneric(1).resolve(), name + ".*", bound);
			}
			else if (isGroup(field.getType())) {
				bound(field.getType(), name, bound);
			}
			else {
				bound.put(name, hasDefault(value) ? value : NO_DEFAULT);
			}
		}, (field) -> !Modifier.isStatic(field.getModifiers()));
	}

	private static boolean isGroup(Class<?> type) {
		return !type.isEnum() && type.getPackageName().startsWith(SwitchboardProperties.class.getPackageName());
	}

	private static boolean hasDefault(@Nullable Object value) {
		return value != null && !(value instanceof Collection<?> collection && collection.isEmpty());
	}

	private static String kebab(String camelCase) {
		return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private Map<String, JsonNode> properties() {
		Map<String, JsonNode> properties = new TreeMap<>();
		this.metadata.get("properties").forEach((property) -> properties.put(property.get("name").asString(), property));
		return properties;
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
