package dev.switchboard.annotation;

import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.switchboard.ChannelConfigurationException;
import dev.switchboard.core.ChannelRegistry;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.Pattern;
import dev.switchboard.core.SwitchboardHeaders;
import dev.switchboard.core.SwitchboardOperations;
import dev.switchboard.core.SwitchboardTemplate;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.framework.AbstractAdvisingBeanPostProcessor;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.messaging.Message;
import org.springframework.util.ClassUtils;

/**
 * Proxies beans with {@link Publisher @Publisher} methods so that each call's return value
 * is sent to the method's channel. Each annotated method is checked against its channel when
 * the bean is created, and every publisher channel is opened once all singletons exist, so
 * endpoints are bound (and a bad one fails) at startup.
 */
public class PublisherAnnotationBeanPostProcessor extends AbstractAdvisingBeanPostProcessor
		implements BeanFactoryAware, SmartInitializingSingleton {

	private final Map<Method, PublishTarget> targets = new ConcurrentHashMap<>();

	private final Set<String> channels = new LinkedHashSet<>();

	private @Nullable ConfigurableBeanFactory beanFactory;

	public PublisherAnnotationBeanPostProcessor() {
		setProxyTargetClass(true);
		setBeforeExistingAdvisors(true);
		this.advisor = new DefaultPointcutAdvisor(AnnotationMatchingPointcut.forMethodAnnotation(Publisher.class),
				new PublishingInterceptor());
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		this.beanFactory = (beanFactory instanceof ConfigurableBeanFactory configurable) ? configurable : null;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Class<?> targetClass = AopProxyUtils.ultimateTargetClass(bean);
		if (AnnotationUtils.isCandidateClass(targetClass, Publisher.class)) {
			MethodIntrospector
				.selectMethods(targetClass,
						(MethodIntrospector.MetadataLookup<Publisher>) (method) -> AnnotatedElementUtils
							.findMergedAnnotation(method, Publisher.class))
				.forEach((method, annotation) -> validate(beanName, method, annotation));
		}
		return super.postProcessAfterInitialization(bean, beanName);
	}

	@Override
	public void afterSingletonsInstantiated() {
		beanFactory().getBeanProvider(SwitchboardTemplate.class)
			.ifAvailable((template) -> this.channels.forEach(template::prepare));
	}

	private void validate(String beanName, Method method, Publisher annotation) {
		PublishTarget target = target(method, annotation);
		String where = "@Publisher on bean '" + beanName + "' method " + ClassUtils.getQualifiedMethodName(method);
		if (target.channel().isEmpty()) {
			throw new ChannelConfigurationException(where + " names no channel: use @Publisher(\"<channel>\")");
		}
		ChannelSpec channel;
		try {
			channel = beanFactory().getBean(ChannelRegistry.class).getRequired(target.channel());
		}
		catch (ChannelConfigurationException ex) {
			throw new ChannelConfigurationException(where + " publishes to an undefined channel: " + ex.getMessage());
		}
		if (channel.pattern() == Pattern.REQUEST_REPLY) {
			throw new ChannelConfigurationException(where + " publishes to request-reply channel '" + channel.name()
					+ "', whose replies would be lost: call SwitchboardTemplate.request(...) instead");
		}
		if (method.getReturnType() == void.class) {
			throw new ChannelConfigurationException(where + " returns nothing to publish: return the payload");
		}
		if (target.topic() != null && channel.pattern() != Pattern.PUB_SUB) {
			throw new ChannelConfigurationException(where + " sets topic '" + target.topic() + "' on "
					+ channel.pattern() + " channel '" + channel.name() + "': topics exist on pub-sub channels only");
		}
		this.channels.add(channel.name());
	}

	private PublishTarget target(Method method, Publisher annotation) {
		return this.targets.computeIfAbsent(method, (key) -> {
			String topic = resolve(annotation.topic());
			return new PublishTarget(resolve(annotation.channel()), topic.isEmpty() ? null : topic);
		});
	}

	private String resolve(String value) {
		String resolved = beanFactory().resolveEmbeddedValue(value);
		return (resolved != null) ? resolved : "";
	}

	private ConfigurableBeanFactory beanFactory() {
		if (this.beanFactory == null) {
			throw new IllegalStateException("@Publisher processing needs a ConfigurableBeanFactory");
		}
		return this.beanFactory;
	}

	private record PublishTarget(String channel, @Nullable String topic) {
	}

	/**
	 * Sends the return value of each {@code @Publisher} call.
	 */
	private final class PublishingInterceptor implements MethodInterceptor {

		private volatile @Nullable SwitchboardOperations operations;

		private volatile @Nullable ChannelRegistry channels;

		@Override
		public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
			Object result = invocation.proceed();
			if (result != null) {
				PublishTarget target = publishTarget(invocation.getMethod());
				if (target != null) {
					publish(target, result);
				}
			}
			return result;
		}

		/**
		 * The cached target of a validated method; the annotation is looked up only for a
		 * method the post-processor did not see, such as one reached through an interface.
		 */
		private @Nullable PublishTarget publishTarget(Method method) {
			PublishTarget target = PublisherAnnotationBeanPostProcessor.this.targets.get(method);
			if (target != null) {
				return target;
			}
			Publisher annotation = AnnotatedElementUtils.findMergedAnnotation(method, Publisher.class);
			return (annotation != null) ? target(method, annotation) : null;
		}

		private void publish(PublishTarget target, Object result) {
			Object payload = result;
			String topic = target.topic();
			if (result instanceof Message<?> message) {
				payload = message.getPayload();
				Object headerTopic = message.getHeaders().get(SwitchboardHeaders.TOPIC);
				topic = (headerTopic != null) ? headerTopic.toString() : topic;
			}
			if (channels().getRequired(target.channel()).pattern() == Pattern.PUB_SUB) {
				operations().publish(target.channel(), (topic != null) ? topic : "", payload);
			}
			else {
				operations().send(target.channel(), payload);
			}
		}

		private SwitchboardOperations operations() {
			SwitchboardOperations operations = this.operations;
			if (operations == null) {
				operations = beanFactory().getBean(SwitchboardOperations.class);
				this.operations = operations;
			}
			return operations;
		}

		private ChannelRegistry channels() {
			ChannelRegistry channels = this.channels;
			if (channels == null) {
				channels = beanFactory().getBean(ChannelRegistry.class);
				this.channels = channels;
			}
			return channels;
		}

	}

}
