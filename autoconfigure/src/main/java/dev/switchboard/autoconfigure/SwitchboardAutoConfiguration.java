package dev.switchboard.autoconfigure;

import java.util.List;

import dev.switchboard.annotation.MessageListenerAnnotationBeanPostProcessor;
import dev.switchboard.annotation.PublisherAnnotationBeanPostProcessor;
import dev.switchboard.binder.Binder;
import dev.switchboard.binder.BinderRegistry;
import dev.switchboard.binder.BindingInterceptor;
import dev.switchboard.binder.InterceptedBinder;
import dev.switchboard.core.ChannelRegistry;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.SwitchboardOperations;
import dev.switchboard.core.SwitchboardTemplate;
import dev.switchboard.listener.ListenerEndpointRegistry;
import dev.switchboard.support.converter.PayloadConverter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;

/**
 * Auto-configures Switchboard's transport-neutral side: the channels defined under
 * {@code switchboard.channels}, payload conversion, the template, the listener registry and
 * the processing of {@code @MessageListener} and {@code @Publisher}. Transports contribute
 * {@link Binder} beans from their own auto-configurations; every bean here backs off when
 * the application defines its own.
 *
 * <p>Runs after Boot's Jackson auto-configuration so that JSON payloads use the
 * application's {@link JsonMapper}, with its modules and settings.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass(SwitchboardTemplate.class)
@EnableConfigurationProperties(SwitchboardProperties.class)
public final class SwitchboardAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ChannelRegistry switchboardChannelRegistry(SwitchboardProperties properties) {
		return new ChannelRegistry(ChannelSpecMapper.map(properties));
	}

	@Bean
	@ConditionalOnMissingBean
	PayloadConverter switchboardPayloadConverter(ObjectProvider<JsonMapper> jsonMapper) {
		return PayloadConverter.withJsonMapper(jsonMapper.getIfUnique(() -> JsonMapper.builder().build()));
	}

	/**
	 * The binders of every transport on the classpath, each wrapped in the
	 * {@link BindingInterceptor}s (metrics, tracing) in their order. Each channel's
	 * transport is checked here, so a channel whose binder is missing fails startup even if
	 * nothing has used it yet.
	 */
	@Bean
	@ConditionalOnMissingBean
	BinderRegistry switchboardBinderRegistry(ObjectProvider<Binder> binders,
			ObjectProvider<BindingInterceptor> interceptors, ChannelRegistry channels) {
		List<BindingInterceptor> chain = interceptors.orderedStream().toList();
		BinderRegistry registry = new BinderRegistry(
				binders.orderedStream().map((binder) -> InterceptedBinder.of(binder, chain)).toList());
		for (ChannelSpec channel : channels.getAll()) {
			registry.getBinder(channel);
		}
		return registry;
	}

	@Bean
	@ConditionalOnMissingBean(SwitchboardOperations.class)
	SwitchboardTemplate switchboardTemplate(ChannelRegistry channels, BinderRegistry binders,
			PayloadConverter converter) {
		return new SwitchboardTemplate(channels, binders, converter);
	}

	@Bean
	@ConditionalOnMissingBean
	ListenerEndpointRegistry switchboardListenerEndpointRegistry(ChannelRegistry channels, BinderRegistry binders,
			PayloadConverter converter) {
		return new ListenerEndpointRegistry(channels, binders, converter);
	}

	/**
	 * Static, like every bean post-processor, so that declaring it does not create this
	 * configuration class before the post-processors are registered.
	 */
	@Bean
	@ConditionalOnMissingBean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static MessageListenerAnnotationBeanPostProcessor switchboardMessageListenerAnnotationBeanPostProcessor() {
		return new MessageListenerAnnotationBeanPostProcessor();
	}

	@Bean
	@ConditionalOnMissingBean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static PublisherAnnotationBeanPostProcessor switchboardPublisherAnnotationBeanPostProcessor() {
		return new PublisherAnnotationBeanPostProcessor();
	}

}
