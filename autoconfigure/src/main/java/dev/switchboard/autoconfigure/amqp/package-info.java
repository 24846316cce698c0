/**
 * Auto-configuration of the AMQP (RabbitMQ) binder from {@code switchboard.amqp.*},
 * Boot's {@code spring.rabbitmq.*} as a fallback, and
 * {@code switchboard.channels.<name>.amqp.*} properties.
 */
@NullMarked
package dev.switchboard.autoconfigure.amqp;

import org.jspecify.annotations.NullMarked;
