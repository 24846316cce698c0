package dev.switchboard.listener;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

import dev.switchboard.ChannelConfigurationException;
import dev.switchboard.SwitchboardException;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.SwitchboardHeaders;
import dev.switchboard.core.WireMessage;
import dev.switchboard.support.converter.PayloadConverter;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.messaging.handler.annotation.ValueConstants;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Invokes an annotated bean method. Each parameter is, in this order: the
 * {@link WireMessage} itself; a header, with Spring's
 * {@link Header @Header} (see {@link SwitchboardHeaders} for the topic, correlation id,
 * content type and channel); all headers as a {@code Map}, with {@link Headers @Headers};
 * otherwise the payload, converted to the parameter's type. At most one parameter is the
 * payload.
 *
 * <p>How to resolve each parameter is worked out once, when the listener is created, so an
 * invocation does no reflection lookups.
 */
public class MethodMessageListenerAdapter implements MessageListenerAdapter {

	private final Object bean;

	private final Method method;

	private final PayloadConverter converter;

	private final ArgumentResolver[] resolvers;

	private final String description;

	/**
	 * Create an adapter.
	 * @param bean the bean (or its proxy)
	 * @param method the method to invoke, callable on {@code bean}
	 * @param beanName the bean name, for messages
	 * @param converter the payload converter
	 * @throws ChannelConfigurationException if a parameter cannot be resolved from a message
	 */
	public MethodMessageListenerAdapter(Object bean, Method method, String beanName, PayloadConverter converter) {
		this.bean = bean;
		this.method = method;
		this.converter = converter;
		this.description = "bean '" + beanName + "' method " + ClassUtils.getQualifiedMethodName(method);
		this.resolvers = createResolvers();
		ReflectionUtils.makeAccessible(method);
	}

	@Override
	public @Nullable Object onMessage(WireMessage message, ChannelSpec channel) throws Exception {
		Object[] args = new Object[this.resolvers.length];
		for (int i = 0; i < args.length; i++) {
			args[i] = this.resolvers[i].resolve(message, channel);
		}
		try {
			return this.method.invoke(this.bean, args);
		}
		catch (InvocationTargetException ex) {
			Throwable target = ex.getTargetException();
			if (target instanceof Exception exception) {
				throw exception;
			}
			throw (Error) target;
		}
	}

	@Override
	public boolean returnsValue() {
		return this.method.getReturnType() != void.class && this.method.getReturnType() != Void.class;
	}

	@Override
	public String description() {
		return this.description;
	}

	private ArgumentResolver[] createResolvers() {
		ArgumentResolver[] resolvers = new ArgumentResolver[this.method.getParameterCount()];
		boolean payloadSeen = false;
		for (int i = 0; i < resolvers.length; i++) {
			MethodParameter parameter = new MethodParameter(this.method, i);
			Header header = parameter.getParameterAnnotation(Header.class);
			if (parameter.getParameterType() == WireMessage.class) {
				resolvers[i] = (message, channel) -> message;
			}
			else if (header != null) {
				resolvers[i] = headerResolver(parameter, header);
			}
			else if (parameter.hasParameterAnnotation(Headers.class)) {
				requireType(parameter, Map.class, "@Headers");
				resolvers[i] = MethodMessageListenerAdapter::allHeaders;
			}
			else {
				if (payloadSeen) {
					throw new ChannelConfigurationException(this.description + " has more than one payload parameter;"
							+ " annotate the extra ones with @Header or @Headers, or take the WireMessage");
				}
				payloadSeen = true;
				Class<?> type = parameter.getParameterType();
				resolvers[i] = (message, channel) -> this.converter.fromWire(message, type, parameter);
			}
		}
		return resolvers;
	}

	private ArgumentResolver headerResolver(MethodParameter parameter, Header header) {
		requireType(parameter, String.class, "@Header");
		String name = !header.name().isEmpty() ? header.name() : header.value();
		if (name.isEmpty()) {
			name = parameter.getParameterName();
		}
		if (name == null || name.isEmpty()) {
			throw new ChannelConfigurationException(this.description + ": give @Header on parameter "
					+ parameter.getParameterIndex() + " a name, or compile with -parameters");
		}
		String headerName = name;
		@Nullable String defaultValue = ValueConstants.DEFAULT_NONE.equals(header.defaultValue()) ? null
				: header.defaultValue();
		boolean required = header.required() && defaultValue == null;
		String owner = this.description;
		return (message, channel) -> {
			String value = header(message, channel, headerName);
			if (value == null) {
				if (required) {
					throw new SwitchboardException("Required header '" + headerName + "' is missing for " + owner);
				}
				return defaultValue;
			}
			return value;
		};
	}

	private void requireType(MethodParameter parameter, Class<?> type, String annotation) {
		if (!parameter.getParameterType().isAssignableFrom(type)) {
			throw new ChannelConfigurationException(this.description + ": a " + annotation
					+ " parameter must be of type " + type.getSimpleName() + ", not "
					+ parameter.getParameterType().getSimpleName());
		}
	}

	private static @Nullable String header(WireMessage message, ChannelSpec channel, String name) {
		return switch (name) {
			case SwitchboardHeaders.TOPIC -> message.topic();
			case SwitchboardHeaders.CORRELATION_ID -> message.correlationId();
			case SwitchboardHeaders.CONTENT_TYPE -> message.contentType();
			case SwitchboardHeaders.CHANNEL -> channel.name();
			default -> message.headers().get(name);
		};
	}

	private static Map<String, String> allHeaders(WireMessage message, ChannelSpec channel) {
		Map<String, String> headers = new HashMap<>(message.headers());
		headers.put(SwitchboardHeaders.CHANNEL, channel.name());
		putIfPresent(headers, SwitchboardHeaders.TOPIC, message.topic());
		putIfPresent(headers, SwitchboardHeaders.CORRELATION_ID, message.correlationId());
		putIfPresent(headers, SwitchboardHeaders.CONTENT_TYPE, message.contentType());
		return headers;
	}

	private static void putIfPresent(Map<String, String> headers, String name, @Nullable String value) {
		if (value != null) {
			headers.put(name, value);
		}
	}

	@FunctionalInterface
	private interface ArgumentResolver {

		@Nullable Object resolve(WireMessage message, ChannelSpec channel);

	}

}
