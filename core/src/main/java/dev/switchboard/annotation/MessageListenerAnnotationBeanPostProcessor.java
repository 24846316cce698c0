package dev.switchboard.annotation;

import java.lang.reflect.Method;
import java.util.Map;

import dev.switchboard.ChannelConfigurationException;
import dev.switchboard.listener.ListenerEndpoint;
import dev.switchboard.listener.ListenerEndpointRegistry;
import dev.switchboard.listener.MethodMessageListenerAdapter;
import dev.switchboard.support.converter.PayloadConverter;

import org.jspecify.annotations.Nullable;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;

/**
 * Finds {@link MessageListener @MessageListener} methods on beans and registers each as a
 * {@link ListenerEndpoint} with the {@link ListenerEndpointRegistry}, which checks it against
 * its channel at once: a misconfigured listener fails the bean's creation, naming the bean,
 * the method, the channel and the fix.
 *
 * <p>Runs last among post-processors, so it sees (and registers) any AOP proxy around the
 * bean. The registry and converter are looked up on first use rather than injected, so this
 * infrastructure bean does not force them into existence early.
 */
public class MessageListenerAnnotationBeanPostProcessor implements BeanPostProcessor, BeanFactoryAware, Ordered {

	private @Nullable ConfigurableBeanFactory beanFactory;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		this.beanFactory = (beanFactory instanceof ConfigurableBeanFactory configurable) ? configurable : null;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		Class<?> targetClass = AopProxyUtils.ultimateTargetClass(bean);
		if (!AnnotationUtils.isCandidateClass(targetClass, MessageListener.class)) {
			return bean;
		}
		Map<Method, MessageListener> methods = MethodIntrospector.selectMethods(targetClass,
				(MethodIntrospector.MetadataLookup<MessageListener>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, MessageListener.class));
		methods.forEach((method, annotation) -> register(bean, beanName, method, annotation));
		return bean;
	}

	private void register(Object bean, String beanName, Method method, MessageListener annotation) {
		ConfigurableBeanFactory factory = beanFactory();
		String where = "@MessageListener on bean '" + beanName + "' method " + ClassUtils.getQualifiedMethodName(method);
		String channel = resolve(annotation.channel());
		if (channel.isEmpty()) {
			throw new ChannelConfigurationException(where + " names no channel: use @MessageListener(\"<channel>\")");
		}
		Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
		MethodMessageListenerAdapter adapter = new MethodMessageListenerAdapter(bean, invocable, beanName,
				factory.getBean(PayloadConverter.class));
		String id = resolve(annotation.id());
		ListenerEndpoint endpoint = new ListenerEndpoint(id.isEmpty() ? beanName + "." + method.getName() : id,
				channel, emptyToNull(resolve(annotation.topic())), emptyToNull(resolve(annotation.group())),
				concurrency(where, resolve(annotation.concurrency())), adapter);
		factory.getBean(ListenerEndpointRegistry.class).register(endpoint);
	}

	private static int concurrency(String where, String value) {
		if (value.isEmpty()) {
			return 0;
		}
		try {
			int concurrency = Integer.parseInt(value.trim());
			if (concurrency >= 1) {
				return concurrency;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new ChannelConfigurationException(where + " has concurrency '" + value
				+ "': use a whole number of threads, 1 or more");
	}

	private String resolve(String value) {
		String resolved = beanFactory().resolveEmbeddedValue(value);
		return (resolved != null) ? resolved : "";
	}

	private ConfigurableBeanFactory beanFactory() {
		if (this.beanFactory == null) {
			throw new IllegalStateException("@MessageListener processing needs a ConfigurableBeanFactory");
		}
		return this.beanFactory;
	}

	private static @Nullable String emptyToNull(String value) {
		return value.isEmpty() ? null : value;
	}

}
