/**
 * The Spring AMQP baseline: {@code RabbitTemplate} and a listener container.
 */
@NullMarked
package dev.switchboard.benchmarks.spring;

import org.jspecify.annotations.NullMarked;
