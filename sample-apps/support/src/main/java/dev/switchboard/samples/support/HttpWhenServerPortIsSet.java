package dev.switchboard.samples.support;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes a sample a web application, serving the actuator over HTTP, only when it is started
 * with {@code --server.port=<port>}: the samples set
 * {@code spring.main.web-application-type: none} so that by default they open no port but
 * their messaging one. Runs after the configuration files are read and before Spring Boot
 * binds {@code spring.main.*}.
 */
public class HttpWhenServerPortIsSet implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE = "switchboardSampleHttp";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("server.port")) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of("spring.main.web-application-type", "servlet")));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
