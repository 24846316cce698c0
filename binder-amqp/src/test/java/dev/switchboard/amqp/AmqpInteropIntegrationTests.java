package dev.switchboard.amqp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;

import dev.switchboard.binder.InboundSpec;
import dev.switchboard.binder.OutboundBinding;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.Pattern;
import dev.switchboard.core.SwitchboardHeaders;
import dev.switchboard.core.TopicFilter;
import dev.switchboard.core.WireMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Plain pika programs and Spring AMQP's {@link RabbitTemplate} call, feed and subscribe to
 * channels the binder serves, through nothing but the documented names and properties.
 */
class AmqpInteropIntegrationTests {

	private final Broker broker = new Broker();

	private final AmqpBinder binder = new AmqpBinder(AmqpConnectionOptions.defaults(),
			AmqpChannelOptionsResolver.DEFAULTS);

	@AfterEach
	void cleanUp() throws IOException, TimeoutException {
		this.binder.close();
		this.broker.deleteAll();
	}

	@Test
	void pikaRpcClientGetsTheListenersReply() throws Exception {
		ChannelSpec echo = channel(Pattern.REQUEST_REPLY);
		this.binder.bindInbound(echo, new InboundSpec(null, null, 1), AmqpInteropIntegrationTests::echo);
		try (Python client = Python.start("""
				import pika, sys, uuid
				connection = pika.BlockingConnection(pika.ConnectionParameters('127.0.0.1'))
				channel = connection.channel()
				callback = channel.queue_declare('', exclusive=True).method.queue
				correlation = str(uuid.uuid4())
				replies = []
				def on_reply(ch, method, properties, body):
				    if properties.correlation_id == correlation:
				        replies.append(body)
				channel.basic_consume(callback, on_reply, auto_ack=True)
				channel.basic_publish('', sys.argv[1], sys.argv[2].encode(), pika.BasicProperties(
				    reply_to=callback, correlation_id=correlation, content_type='text/plain'))
				while not replies:
				    connection.process_data_events(time_limit=1)
				print(replies[0].decode())
				connection.close()
				""", echo.name(), "hello from pika")) {
			assertThat(client.nextLine()).isEqualTo("Echo: hello from pika");
			assertThat(client.exitCode()).isZero();
		}
	}

	@Test
	void springAmqpRabbitTemplateSendAndReceiveGetsTheReply() {
		ChannelSpec echo = channel(Pattern.REQUEST_REPLY);
		this.binder.bindInbound(echo, new InboundSpec(null, null, 1), AmqpInteropIntegrationTests::echo);
		CachingConnectionFactory connectionFactory = new CachingConnectionFactory("127.0.0.1");
		try {
			RabbitTemplate template = new RabbitTemplate(connectionFactory);
			template.setReplyTimeout(10_000);
			MessageProperties properties = new MessageProperties();
			properties.setContentType("text/plain");
			properties.setHeader("tenant", "acme");
			Message reply = template.sendAndReceive("", echo.name(),
					new Message("from Spring AMQP".getBytes(StandardCharsets.UTF_8), properties));
			assertThat(reply).isNotNull();
			assertThat(new String(reply.getBody(), StandardCharsets.UTF_8)).isEqualTo("Echo: from Spring AMQP");
			assertThat(reply.getMessageProperties().getContentType()).isEqualTo("text/plain");
			assertThat((Object) reply.getMessageProperties().getHeader("tenant")).isEqualTo("acme");
		}
		finally {
			connectionFactory.destroy();
		}
	}

	@Test
	void errorReplyReachesAnOutsideCallerWithItsHeaders() {
		ChannelSpec failing = channel(Pattern.REQUEST_REPLY);
		this.binder.bindInbound(failing, new InboundSpec(null, null, 1),
				(request) -> WireMessage.error(new IllegalStateException("no can do"), request.correlationId()));
		CachingConnectionFactory connectionFactory = new CachingConnectionFactory("127.0.0.1");
		try {
			RabbitTemplate template = new RabbitTemplate(connectionFactory);
			template.setReplyTimeout(10_000);
			Message reply = template.sendAndReceive("", failing.name(), new Message(new byte[0]));
			assertThat(reply).isNotNull();
			Map<String, Object> headers = reply.getMessageProperties().getHeaders();
			assertThat(headers).containsEntry(SwitchboardHeaders.ERROR_TYPE, IllegalStateException.class.getName())
				.containsEntry(SwitchboardHeaders.ERROR_MESSAGE, "no can do");
		}
		finally {
			connectionFactory.destroy();
		}
	}

	@Test
	void pikaProducersPersistentMessagesReachAWorker() throws Exception {
		ChannelSpec tasks = channel(Pattern.PIPELINE);
		try (Python producer = Python.start("""
				import pika, sys
				connection = pika.BlockingConnection(pika.ConnectionParameters('127.0.0.1'))
				channel = connection.channel()
				# The same arguments as Switchboard's pipeline queue: dead letters go to <queue>.dlx.
				channel.queue_declare(sys.argv[1], durable=True,
				    arguments={'x-dead-letter-exchange': sys.argv[1] + '.dlx'})
				channel.confirm_delivery()
				for i in range(5):
				    channel.basic_publish('', sys.argv[1], ('task %d' % i).encode(),
				        pika.BasicProperties(delivery_mode=2, headers={'attempt': 1}))
				print('sent')
				connection.close()
				""", tasks.name())) {
			assertThat(producer.nextLine()).isEqualTo("sent");
			assertThat(producer.exitCode()).isZero();
		}
		Queue<WireMessage> received = new ConcurrentLinkedQueue<>();
		this.binder.bindInbound(tasks, new InboundSpec(null, null, 1), (message) -> {
			received.add(message);
			return null;
		});
		await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 5);
		assertThat(received).extracting((message) -> new String(message.payload(), StandardCharsets.UTF_8))
			.containsExactly("task 0", "task 1", "task 2", "task 3", "task 4");
		assertThat(received.peek().headers()).containsEntry("attempt", "1");
	}

	@Test
	void pikaSubscriberBoundWithKeyOneReceivesWhatIsPublishedOnTopicOne() throws Exception {
		ChannelSpec scores = channel(Pattern.PUB_SUB);
		OutboundBinding publisher = this.binder.bindOutbound(scores);
		try (Python subscriber = Python.start("""
				import pika, sys
				connection = pika.BlockingConnection(pika.ConnectionParameters('127.0.0.1'))
				channel = connection.channel()
				channel.exchange_declare(sys.argv[1], exchange_type='topic', durable=True)
				queue = channel.queue_declare('', exclusive=True).method.queue
				channel.queue_bind(queue, sys.argv[1], routing_key='1')
				print('ready', flush=True)
				for method, properties, body in channel.consume(queue, auto_ack=True):
				    print(method.routing_key + ' ' + body.decode(), flush=True)
				    if body == b'last':
				        break
				connection.close()
				""", scores.name())) {
			assertThat(subscriber.nextLine()).isEqualTo("ready");
			for (String line : List.of("1-Update! >> #1", "2-Update! >> #1", "1-Update! >> #2")) {
				publisher.send(text(line).withTopic(line.substring(0, 1)));
			}
			publisher.send(text("last").withTopic("1"));
			assertThat(List.of(subscriber.nextLine(), subscriber.nextLine(), subscriber.nextLine()))
				.containsExactly("1 1-Update! >> #1", "1 1-Update! >> #2", "1 last");
			assertThat(subscriber.exitCode()).isZero();
		}
	}

	@Test
	void groupMembersShareOneDurableQueueNamedAfterChannelAndGroup() throws Exception {
		ChannelSpec scores = channel(Pattern.PUB_SUB);
		this.broker.queue(scores.name() + ".auditors");
		Queue<String> first = new ConcurrentLinkedQueue<>();
		Queue<String> second = new ConcurrentLinkedQueue<>();
		InboundSpec group = new InboundSpec(TopicFilter.all(), "auditors", 1);
		this.binder.bindInbound(scores, group, collecting(first));
		this.binder.bindInbound(scores, group, collecting(second));
		OutboundBinding publisher = this.binder.bindOutbound(scores);
		for (int i = 0; i < 10; i++) {
			publisher.send(text("line " + i).withTopic("game"));
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> first.size() + second.size() == 10);
		assertThat(first).isNotEmpty();
		assertThat(second).isNotEmpty();
		try (var connection = Broker.connect(); var channel = connection.createChannel()) {
			assertThat(channel.queueDeclarePassive(scores.name() + ".auditors").getConsumerCount()).isEqualTo(2);
		}
	}

	private static InboundHandlerCollector collecting(Queue<String> inbox) {
		return new InboundHandlerCollector(inbox);
	}

	private ChannelSpec channel(Pattern pattern) {
		ChannelSpec channel = ChannelSpec.of("interop-" + pattern.id() + "-" + UUID.randomUUID(), pattern,
				AmqpBinder.TRANSPORT);
		this.broker.channel(channel.name());
		return channel;
	}

	private static WireMessage echo(WireMessage request) {
		String text = new String(request.payload(), StandardCharsets.UTF_8);
		return new WireMessage(("Echo: " + text).getBytes(StandardCharsets.UTF_8), null, request.contentType(), null,
				request.headers());
	}

	private static WireMessage text(String text) {
		return new WireMessage(text.getBytes(StandardCharsets.UTF_8), null, "text/plain", null, Map.of());
	}

	/**
	 * A handler that keeps the text of what it receives.
	 */
	private record InboundHandlerCollector(Queue<String> inbox) implements dev.switchboard.binder.InboundHandler {

		@Override
		public WireMessage handle(WireMessage message) {
			this.inbox.add(new String(message.payload(), StandardCharsets.UTF_8));
			return null;
		}

	}

}
