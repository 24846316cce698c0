/**
 * The RabbitMQ binder: carries Switchboard channels over AMQP 0-9-1 with
 * {@code com.rabbitmq:amqp-client}. Request-reply uses a durable queue and direct reply-to,
 * pub-sub a topic exchange, pipeline a durable queue with publisher confirms and manual
 * acknowledgements, pair two single-active-consumer queues.
 */
@NullMarked
package dev.switchboard.amqp;

import org.jspecify.annotations.NullMarked;
