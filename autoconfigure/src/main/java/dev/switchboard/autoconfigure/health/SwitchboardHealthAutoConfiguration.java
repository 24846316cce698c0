package dev.switchboard.autoconfigure.health;

import dev.switchboard.autoconfigure.SwitchboardAutoConfiguration;
import dev.switchboard.binder.BinderRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the {@code switchboard} health indicator when Spring Boot's health
 * support is on the classpath; {@code management.health.switchboard.enabled=false} turns
 * it off.
 */
@AutoConfiguration(after = SwitchboardAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(BinderRegistry.class)
@ConditionalOnEnabledHealthIndicator("switchboard")
public final class SwitchboardHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "switchboardHealthIndicator")
	SwitchboardHealthIndicator switchboardHealthIndicator(BinderRegistry binders) {
		return new SwitchboardHealthIndicator(binders);
	}

}
