package dev.switchboard.autoconfigure.endpoint;

import dev.switchboard.autoconfigure.SwitchboardAutoConfiguration;
import dev.switchboard.core.ChannelRegistry;
import dev.switchboard.core.SwitchboardTemplate;
import dev.switchboard.listener.ListenerEndpointRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the {@code switchboard} actuator endpoint when the actuator is on the
 * classpath and the endpoint is available (exposed, and not disabled with
 * {@code management.endpoint.switchboard.access=none}).
 */
@AutoConfiguration(after = SwitchboardAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean({ ChannelRegistry.class, ListenerEndpointRegistry.class })
@ConditionalOnAvailableEndpoint(SwitchboardEndpoint.class)
public final class SwitchboardEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SwitchboardEndpoint switchboardEndpoint(ChannelRegistry channels, ListenerEndpointRegistry listeners,
			ObjectProvider<SwitchboardTemplate> template) {
		return new SwitchboardEndpoint(channels, listeners, template.getIfUnique());
	}

}
