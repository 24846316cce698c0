package dev.switchboard.amqp;

import java.io.IOException;

import com.rabbitmq.client.Channel;

/**
 * Prepares a freshly opened AMQP channel before its first use, for example by turning on
 * publisher confirms or starting the direct reply-to consumer.
 */
@FunctionalInterface
interface ChannelInitializer {

	/**
	 * A initializer that leaves the channel as it is.
	 */
	ChannelInitializer NONE = (channel) -> {
	};

	void initialize(Channel channel) throws IOException;

}
