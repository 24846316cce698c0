package dev.switchboard.benchmarks.spring;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.switchboard.benchmarks.Probe;
import dev.switchboard.benchmarks.Scenario;
import dev.switchboard.benchmarks.Subject;
import dev.switchboard.benchmarks.amqp.BenchBroker;
import dev.switchboard.core.Pattern;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.adapter.MessageListenerAdapter;

/**
 * Spring AMQP as a Spring Boot application would use it: a {@link CachingConnectionFactory}
 * (a separate publisher connection, as Switchboard's), a {@link RabbitTemplate} and a
 * {@link SimpleMessageListenerContainer} with prefetch 250 and automatic acknowledgement after
 * the listener returns. Pipeline sends are persistent with correlated publisher confirms,
 * each awaited before the next send; requests use {@code sendAndReceive} on direct reply-to.
 */
public final class SpringAmqpSubject implements Subject {

	@Override
	public Running open(Scenario scenario, Probe probe) throws IOException, TimeoutException {
		Pattern pattern = scenario.pattern();
		if (pattern != Pattern.PIPELINE && pattern != Pattern.REQUEST_REPLY) {
			throw new IllegalArgumentException("The Spring AMQP subject measures pipeline and request-reply only");
		}
		BenchBroker.reset(pattern);
		declare(pattern);
		CachingConnectionFactory connections = new CachingConnectionFactory(BenchBroker.connectionFactory());
		boolean call = pattern == Pattern.REQUEST_REPLY;
		if (!call) {
			connections.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
		}
		RabbitTemplate template = new RabbitTemplate(connections);
		template.setUsePublisherConnection(true);
		template.setReplyTimeout(10_000);
		SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
		container.setQueueNames(BenchBroker.name(pattern));
		container.setPrefetchCount(BenchBroker.PREFETCH);
		container.setAcknowledgeMode(AcknowledgeMode.AUTO);
		container.setMessageListener(call ? new MessageListenerAdapter(new Echo()) : (message) -> probe.received());
		container.afterPropertiesSet();
		container.start();
		return new SpringAmqp(pattern, connections, template, container);
	}

	private static void declare(Pattern pattern) throws IOException, TimeoutException {
		try (Connection connection = BenchBroker.connectionFactory().newConnection("spring-bench-declare");
				Channel channel = connection.createChannel()) {
			BenchBroker.declare(channel, pattern);
		}
	}

	/**
	 * The request-reply listener's delegate: the reply is the request.
	 */
	static final class Echo {

		/**
		 * {@link MessageListenerAdapter}'s default listener method.
		 * @param payload the request
		 * @return the reply
		 */
		public byte[] handleMessage(byte[] payload) {
			return payload;
		}

	}

	/**
	 * The template, the container, and their connection factory.
	 */
	private record SpringAmqp(Pattern pattern, CachingConnectionFactory connections, RabbitTemplate template,
			SimpleMessageListenerContainer container) implements Running {

		@Override
		public Sender newSender() {
			String queue = BenchBroker.name(this.pattern);
			if (this.pattern == Pattern.REQUEST_REPLY) {
				return (payload) -> {
					Message reply = this.template.sendAndReceive("", queue, message(payload, false));
					if (reply == null || reply.getBody().length != payload.length) {
						throw new IllegalStateException("No reply within the timeout");
					}
				};
			}
			return (payload) -> {
				CorrelationData correlation = new CorrelationData();
				this.template.send("", queue, message(payload, true), correlation);
				if (!correlation.getFuture().get(10, TimeUnit.SECONDS).ack()) {
					throw new IllegalStateException("RabbitMQ did not confirm the message");
				}
			};
		}

		private static Message message(byte[] payload, boolean persistent) {
			MessageProperties properties = new MessageProperties();
			properties.setContentType(MessageProperties.CONTENT_TYPE_BYTES);
			properties.setDeliveryMode(persistent ? MessageDeliveryMode.PERSISTENT : MessageDeliveryMode.NON_PERSISTENT);
			if (!persistent) {
				properties.setExpiration(BenchBroker.REQUEST_EXPIRATION);
			}
			return new Message(payload, properties);
		}

		@Override
		public void close() throws IOException, TimeoutException {
			this.container.stop();
			this.template.stop();
			this.connections.destroy();
			BenchBroker.reset(this.pattern);
		}

	}

}
