package dev.switchboard.autoconfigure.observation;

import dev.switchboard.autoconfigure.SwitchboardAutoConfiguration;
import dev.switchboard.support.micrometer.ObservationBindingInterceptor;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * Auto-configures Observations of every send, request and handled message when the
 * application has an {@link ObservationRegistry}, unless
 * {@code switchboard.observation.enabled=false}. With a tracer on the classpath the trace
 * context travels in the message headers, so a request-reply across processes is one
 * trace.
 */
@AutoConfiguration(after = SwitchboardAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ ObservationRegistry.class, ObservationBindingInterceptor.class })
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = "switchboard.observation.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SwitchboardObservationProperties.class)
public final class SwitchboardObservationAutoConfiguration {

	/**
	 * Outermost, so the listener and the timers run inside the Observation's scope.
	 */
	static final int INTERCEPTOR_ORDER = 0;

	@Bean
	@ConditionalOnMissingBean
	@Order(INTERCEPTOR_ORDER)
	ObservationBindingInterceptor switchboardObservationBindingInterceptor(ObservationRegistry registry) {
		return new ObservationBindingInterceptor(registry);
	}

}
