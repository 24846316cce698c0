package dev.switchboard.autoconfigure.zmq;

import dev.switchboard.ChannelConfigurationException;
import dev.switchboard.autoconfigure.SwitchboardAutoConfiguration;
import dev.switchboard.autoconfigure.SwitchboardProperties;
import dev.switchboard.binder.DeadLetterHandler;
import dev.switchboard.binder.LoggingDeadLetterHandler;
import dev.switchboard.zmq.ZmqBinder;
import dev.switchboard.zmq.ZmqBinderOptions;
import dev.switchboard.zmq.ZmqChannelOptionsResolver;
import dev.switchboard.zmq.ZmqSocketCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the ZeroMQ binder when it is on the classpath. The binder starts no
 * ZeroMQ thread until a channel uses it, so it costs nothing in an application whose
 * channels all use another transport. The messages its listeners give up on go to the
 * application's {@link DeadLetterHandler} bean, or are logged when there is none.
 */
@AutoConfiguration(before = SwitchboardAutoConfiguration.class)
@ConditionalOnClass(ZmqBinder.class)
@EnableConfigurationProperties({ ZmqProperties.class, SwitchboardProperties.class })
public final class SwitchboardZmqAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ZmqChannelOptionsResolver switchboardZmqChannelOptionsResolver(SwitchboardProperties properties) {
		return new PropertiesZmqChannelOptionsResolver(properties);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ZmqBinder switchboardZmqBinder(ZmqProperties properties, ZmqChannelOptionsResolver channelOptions,
			ObjectProvider<ZmqSocketCustomizer> customizers, ObjectProvider<DeadLetterHandler> deadLetterHandler) {
		return new ZmqBinder(binderOptions(properties), channelOptions, customizers.orderedStream().toList(),
				deadLetterHandler.getIfAvailable(LoggingDeadLetterHandler::new));
	}

	static ZmqBinderOptions binderOptions(ZmqProperties properties) {
		try {
			return new ZmqBinderOptions(properties.getIoThreads(), properties.getLinger(),
					properties.getSendHighWaterMark(), properties.getReceiveHighWaterMark(),
					properties.getMaxMessageSize().toBytes(), properties.getConnectWait(),
					properties.getReconnectInterval(), properties.getShutdownTimeout());
		}
		catch (IllegalArgumentException ex) {
			throw new ChannelConfigurationException(ex.getMessage() + ": correct the switchboard.zmq.* property");
		}
	}

}
