package dev.switchboard.autoconfigure.amqp;

import com.rabbitmq.client.ConnectionFactory;
import dev.switchboard.amqp.AmqpBinder;
import dev.switchboard.amqp.AmqpChannelOptionsResolver;
import dev.switchboard.amqp.AmqpConnectionOptions;
import dev.switchboard.autoconfigure.SwitchboardAutoConfiguration;
import dev.switchboard.autoconfigure.SwitchboardProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configures the AMQP binder when it and amqp-client are on the classpath. The binder
 * connects to RabbitMQ only when a channel first uses it, so an application whose channels
 * all use another transport starts without a broker.
 *
 * <p>Connection settings come from {@code switchboard.amqp.*}, else from Boot's
 * {@code spring.rabbitmq.*}, else the defaults (see {@link AmqpConnectionOptionsMapper}).
 */
@AutoConfiguration(before = SwitchboardAutoConfiguration.class)
@ConditionalOnClass({ AmqpBinder.class, ConnectionFactory.class })
@EnableConfigurationProperties({ AmqpProperties.class, SwitchboardProperties.class })
public final class SwitchboardAmqpAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AmqpConnectionOptions switchboardAmqpConnectionOptions(AmqpProperties properties, Environment environment) {
		return AmqpConnectionOptionsMapper.map(properties, environment);
	}

	@Bean
	@ConditionalOnMissingBean
	AmqpChannelOptionsResolver switchboardAmqpChannelOptionsResolver(SwitchboardProperties properties) {
		return new PropertiesAmqpChannelOptionsResolver(properties);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	AmqpBinder switchboardAmqpBinder(AmqpConnectionOptions connectionOptions,
			AmqpChannelOptionsResolver channelOptions) {
		return new AmqpBinder(connectionOptions, channelOptions);
	}

}
