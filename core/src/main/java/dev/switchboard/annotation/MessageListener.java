package dev.switchboard.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Marks a bean method as the listener of a channel. The method's payload parameter is the
 * converted message; other parameters can take headers with Spring's
 * {@link org.springframework.messaging.handler.annotation.Header @Header} (see
 * {@link dev.switchboard.core.SwitchboardHeaders}). On a request-reply channel the return
 * value is the reply; on a pair channel a returned value is sent to the peer; on pub-sub
 * and pipeline channels the method must be {@code void}.
 *
 * <p>Every attribute accepts {@code ${...}} placeholders.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface MessageListener {

	/**
	 * The channel name; alias for {@link #channel()}.
	 * @return the channel
	 */
	@AliasFor("channel")
	String value() default "";

	/**
	 * The channel name, defined under {@code switchboard.channels}.
	 * @return the channel
	 */
	@AliasFor("value")
	String channel() default "";

	/**
	 * The topic filter of a pub-sub subscriber, such as {@code scores.*} or {@code scores.#};
	 * every topic when empty.
	 * @return the filter
	 */
	String topic() default "";

	/**
	 * A pub-sub consumer group: the members of a group share one copy of each message.
	 * Empty for a subscriber of its own.
	 * @return the group
	 */
	String group() default "";

	/**
	 * How many threads call this listener at once; the channel's {@code concurrency} when
	 * empty.
	 * @return the concurrency, as a number or placeholder
	 */
	String concurrency() default "";

	/**
	 * A unique id for this listener, to pause or resume it; {@code beanName.methodName}
	 * when empty.
	 * @return the id
	 */
	String id() default "";

}
