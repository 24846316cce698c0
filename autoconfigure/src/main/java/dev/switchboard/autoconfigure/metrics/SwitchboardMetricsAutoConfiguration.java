package dev.switchboard.autoconfigure.metrics;

import dev.switchboard.autoconfigure.SwitchboardAutoConfiguration;
import dev.switchboard.core.ChannelRegistry;
import dev.switchboard.support.micrometer.ChannelMetrics;
import dev.switchboard.support.micrometer.MetricsBindingInterceptor;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * Auto-configures Switchboard's meters when the application has a {@link MeterRegistry}:
 * counters over every channel's statistics and timers around handlers and request round
 * trips, all tagged with channel, pattern and transport (see {@code docs/operations.md}).
 */
@AutoConfiguration(after = SwitchboardAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, ChannelMetrics.class })
@ConditionalOnBean({ MeterRegistry.class, ChannelRegistry.class })
public final class SwitchboardMetricsAutoConfiguration {

	/**
	 * Runs inside the tracing interceptor, so a handler's time includes nothing of tracing.
	 */
	static final int INTERCEPTOR_ORDER = 100;

	@Bean
	@ConditionalOnMissingBean
	ChannelMetrics switchboardChannelMetrics(ChannelRegistry channels) {
		return new ChannelMetrics(channels);
	}

	@Bean
	@ConditionalOnMissingBean
	@Order(INTERCEPTOR_ORDER)
	MetricsBindingInterceptor switchboardMetricsBindingInterceptor(MeterRegistry registry) {
		return new MetricsBindingInterceptor(registry);
	}

}
