package dev.switchboard.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Sends a bean method's return value to a channel each time the method is called: published
 * on a pub-sub channel, sent to a worker on a pipeline channel, to the peer on a pair
 * channel. A {@code null} return sends nothing. To choose the topic per call, return a
 * Spring {@link org.springframework.messaging.Message Message} with a
 * {@link dev.switchboard.core.SwitchboardHeaders#TOPIC} header.
 *
 * <p>The channel is opened at startup, so a publisher's endpoint is bound before its first
 * message. Every attribute accepts {@code ${...}} placeholders.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Publisher {

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
	 * The topic to publish on, for pub-sub channels; empty for the empty topic.
	 * @return the topic
	 */
	String topic() default "";

}
