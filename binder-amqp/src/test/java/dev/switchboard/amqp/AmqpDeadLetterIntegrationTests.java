package dev.switchboard.amqp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import dev.switchboard.BindingException;
import dev.switchboard.binder.DeadLetter;
import dev.switchboard.binder.DeadLetterException;
import dev.switchboard.binder.InboundHandler;
import dev.switchboard.binder.InboundSpec;
import dev.switchboard.binder.OutboundBinding;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.Pattern;
import dev.switchboard.core.SwitchboardHeaders;
import dev.switchboard.core.WireMessage;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The AMQP dead-letter path beyond the shared contract: what a dead letter keeps of the
 * original, queues declared before dead-lettering existed, and a channel without a
 * dead-letter queue.
 */
class AmqpDeadLetterIntegrationTests {

	private static final Duration AWAIT = Duration.ofSeconds(20);

	private final Broker broker = new Broker();

	private final List<AmqpBinder> binders = new ArrayList<>();

	@AfterEach
	void cleanUp() throws IOException, TimeoutException {
		this.binders.forEach(AmqpBinder::close);
		this.broker.deleteAll();
	}

	@Test
	void deadLetterKeepsTheOriginalPropertiesHeadersAndRoutingKeyAndAddsTheFailure() throws Exception {
		ChannelSpec tasks = channel(Pattern.PIPELINE);
		AmqpBinder binder = binder(AmqpChannelOptions.defaults());
		binder.bindInbound(tasks, new InboundSpec(null, null, 1), failing(tasks, (message) -> true));
		try (Connection connection = Broker.connect(); Channel channel = connection.createChannel()) {
			channel.basicPublish("", tasks.name(), new AMQP.BasicProperties.Builder().messageId("m-1")
				.contentType("text/plain")
				.headers(Map.of("attempt", 7))
				.expiration("600000")
				.build(), "poison".getBytes(StandardCharsets.UTF_8));
		}
		List<GetResponse> deadLetters = new ArrayList<>();
		await().atMost(AWAIT).until(() -> deadLetters.addAll(Broker.drain(tasks.name() + ".dlq")));
		GetResponse deadLetter = deadLetters.get(0);
		assertThat(deadLetter.getBody()).asString(StandardCharsets.UTF_8).isEqualTo("poison");
		assertThat(deadLetter.getEnvelope().getRoutingKey()).isEqualTo(tasks.name());
		AMQP.BasicProperties properties = deadLetter.getProps();
		assertThat(properties.getMessageId()).isEqualTo("m-1");
		assertThat(properties.getContentType()).isEqualTo("text/plain");
		assertThat(properties.getExpiration()).as("a dead letter waits until someone looks at it").isNull();
		assertThat(properties.getDeliveryMode()).isEqualTo(2);
		assertThat(properties.getHeaders()).containsEntry("attempt", 7)
			.hasEntrySatisfying(SwitchboardHeaders.EXCEPTION_TYPE,
					(type) -> assertThat(type).hasToString(IllegalStateException.class.getName()))
			.hasEntrySatisfying(SwitchboardHeaders.ATTEMPTS, (attempts) -> assertThat(attempts).hasToString("2"))
			.hasEntrySatisfying(SwitchboardHeaders.ORIGINAL_CHANNEL,
					(channel) -> assertThat(channel).hasToString(tasks.name()));
		assertThat(Broker.drain(tasks.name())).as("the original was acknowledged").isEmpty();
	}

	@Test
	void aStreamOfDeadLettersIsLoggedOnceWithItsStackTraceNotOncePerMessage() throws Exception {
		ChannelSpec tasks = channel(Pattern.PIPELINE);
		AmqpBinder binder = binder(AmqpChannelOptions.defaults());
		binder.bindInbound(tasks, new InboundSpec(null, null, 2), failing(tasks, (message) -> true));
		List<LogRecord> records = new CopyOnWriteArrayList<>();
		Handler recorder = new Handler() {

			@Override
			public void publish(LogRecord record) {
				if (record.getMessage() != null && record.getMessage().contains(tasks.name())) {
					records.add(record);
				}
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}

		};
		Logger logger = Logger.getLogger(DeliveryConsumer.class.getName());
		logger.addHandler(recorder);
		try {
			OutboundBinding sender = binder.bindOutbound(tasks);
			for (int i = 0; i < 50; i++) {
				sender.send(text("poison " + i));
			}
			List<GetResponse> deadLetters = new ArrayList<>();
			await().atMost(AWAIT).until(() -> deadLetters.addAll(Broker.drain(tasks.name() + ".dlq"))
					&& deadLetters.size() >= 50);
		}
		finally {
			logger.removeHandler(recorder);
		}
		assertThat(records).as("one line for 50 dead letters, within the minute").singleElement().satisfies((record) -> {
			assertThat(record.getLevel()).isEqualTo(Level.WARNING);
			assertThat(record.getThrown()).hasMessage("boom");
			assertThat(record.getMessage()).contains("moved to the dead-letter queue", "at most once every 60 s");
		});
	}

	@Test
	void queueDeclaredWithoutTheDeadLetterArgumentFailsNamingTheQueueAndTheMigration() throws Exception {
		ChannelSpec tasks = channel(Pattern.PIPELINE);
		try (Connection connection = Broker.connect(); Channel channel = connection.createChannel()) {
			channel.queueDeclare(tasks.name(), true, false, false, null);
		}
		AmqpBinder binder = binder(AmqpChannelOptions.defaults());
		assertThatExceptionOfType(BindingException.class)
			.isThrownBy(() -> binder.bindInbound(tasks, new InboundSpec(null, null, 1), (message) -> null))
			.withMessageContaining("Channel '" + tasks.name() + "': queue '" + tasks.name() + "'")
			.withMessageContaining("x-dead-letter-exchange")
			.withMessageContaining("rabbitmqctl delete_queue " + tasks.name())
			.withMessageContaining("switchboard.channels." + tasks.name() + ".amqp.dead-letter-queue=false");
	}

	@Test
	void channelWithoutADeadLetterQueueTakesAnExistingPlainQueueAndRejectsWhatItGivesUpOn() throws Exception {
		ChannelSpec tasks = channel(Pattern.PIPELINE);
		try (Connection connection = Broker.connect(); Channel channel = connection.createChannel()) {
			channel.queueDeclare(tasks.name(), true, false, false, null);
		}
		AmqpBinder binder = binder(AmqpChannelOptions.builder().deadLetterQueue(false).build());
		AtomicInteger attempts = new AtomicInteger();
		Queue<String> done = new ConcurrentLinkedQueue<>();
		binder.bindInbound(tasks, new InboundSpec(null, null, 1), failing(tasks, (message) -> {
			boolean poison = text(message).equals("poison");
			if (poison) {
				attempts.incrementAndGet();
			}
			else {
				done.add(text(message));
			}
			return poison;
		}));
		binder.bindOutbound(tasks).send(text("poison"));
		binder.bindOutbound(tasks).send(text("healthy"));
		await().atMost(AWAIT).untilAsserted(() -> assertThat(done).containsExactly("healthy"));
		assertThat(attempts).as("rejected, not redelivered").hasValue(1);
		assertThat(Broker.drain(tasks.name())).isEmpty();
	}

	@Test
	void brokenDeadLetterExchangeRejectsTheMessageInsteadOfRedeliveringItAndTheChannelKeepsServing()
			throws Exception {
		ChannelSpec tasks = channel(Pattern.PIPELINE);
		AmqpBinder binder = binder(AmqpChannelOptions.builder().confirmTimeout(Duration.ofSeconds(2)).build());
		AtomicInteger attempts = new AtomicInteger();
		Queue<String> done = new ConcurrentLinkedQueue<>();
		binder.bindInbound(tasks, new InboundSpec(null, null, 1), failing(tasks, (message) -> {
			boolean poison = text(message).equals("poison");
			if (poison) {
				attempts.incrementAndGet();
			}
			else {
				done.add(text(message));
			}
			return poison;
		}));
		try (Connection connection = Broker.connect(); Channel channel = connection.createChannel()) {
			channel.exchangeDelete(tasks.name() + ".dlx");
		}
		binder.bindOutbound(tasks).send(text("poison"));
		binder.bindOutbound(tasks).send(text("healthy"));
		await().atMost(AWAIT).untilAsserted(() -> assertThat(done).containsExactly("healthy"));
		assertThat(attempts).hasValue(1);
		assertThat(Broker.drain(tasks.name())).isEmpty();
	}

	@Test
	void deadLetterThatCannotBePublishedIsDeadLetteredByTheBrokerWithItsXDeathHeader() throws Exception {
		ChannelSpec tasks = channel(Pattern.PIPELINE);
		AmqpBinder binder = binder(AmqpChannelOptions.defaults());
		AtomicInteger attempts = new AtomicInteger();
		Queue<String> done = new ConcurrentLinkedQueue<>();
		binder.bindInbound(tasks, new InboundSpec(null, null, 1), failing(tasks, (message) -> {
			boolean poison = text(message).equals("poison");
			if (poison) {
				attempts.incrementAndGet();
			}
			else {
				done.add(text(message));
			}
			return poison;
		}));
		OutboundBinding sender = binder.bindOutbound(tasks);
		String exchange = tasks.name() + ".dlx";
		try (Connection connection = Broker.connect(); Channel channel = connection.createChannel()) {
			// Clients may not publish to an internal exchange (ACCESS_REFUSED); the broker dead-letters into it.
			channel.exchangeDelete(exchange);
			channel.exchangeDeclare(exchange, BuiltinExchangeType.FANOUT, true, false, true, null);
			channel.queueBind(tasks.name() + ".dlq", exchange, "");
		}
		sender.send(text("poison"));
		sender.send(text("healthy"));
		await().atMost(AWAIT).untilAsserted(() -> assertThat(done).containsExactly("healthy"));
		List<GetResponse> deadLetters = new ArrayList<>();
		await().atMost(AWAIT).until(() -> deadLetters.addAll(Broker.drain(tasks.name() + ".dlq")));
		assertThat(deadLetters).singleElement().satisfies((deadLetter) -> {
			assertThat(deadLetter.getBody()).asString(StandardCharsets.UTF_8).isEqualTo("poison");
			assertThat(deadLetter.getEnvelope().getRoutingKey()).isEqualTo(tasks.name());
			Map<String, Object> headers = deadLetter.getProps().getHeaders();
			assertThat(headers).containsKey("x-death")
				.doesNotContainKeys(SwitchboardHeaders.DEAD_LETTER_REASON, SwitchboardHeaders.EXCEPTION_TYPE,
						SwitchboardHeaders.EXCEPTION_MESSAGE, SwitchboardHeaders.ATTEMPTS,
						SwitchboardHeaders.ORIGINAL_CHANNEL);
			assertThat(headers.get("x-death")).asList().singleElement().asInstanceOf(InstanceOfAssertFactories.MAP)
				.hasEntrySatisfying("reason", (reason) -> assertThat(reason).hasToString("rejected"))
				.hasEntrySatisfying("queue", (queue) -> assertThat(queue).hasToString(tasks.name()));
		});
		assertThat(attempts).as("rejected once, not redelivered").hasValue(1);
		assertThat(Broker.drain(tasks.name())).isEmpty();
	}

	@Test
	void deadLetterTheClientRefusesToPublishIsRejectedOnceAndLaterDeadLettersStillGetTheirHeaders() throws Exception {
		ChannelSpec tasks = channel(Pattern.PIPELINE);
		AmqpBinder binder = binder(AmqpChannelOptions.builder().confirmTimeout(Duration.ofSeconds(5)).build());
		AtomicInteger attempts = new AtomicInteger();
		Queue<String> done = new ConcurrentLinkedQueue<>();
		// A failure message beyond the negotiated frame max (128 KiB): amqp-client throws IllegalArgumentException.
		String huge = "x".repeat(140_000);
		binder.bindInbound(tasks, new InboundSpec(null, null, 1), (message) -> {
			String text = text(message);
			if (text.equals("healthy")) {
				done.add(text);
				return null;
			}
			attempts.incrementAndGet();
			String failure = text.equals("oversized") ? huge : "boom";
			throw new DeadLetterException(new DeadLetter(tasks.name(), message, DeadLetter.Reason.LISTENER_FAILED, 1,
					new IllegalStateException(failure)));
		});
		OutboundBinding sender = binder.bindOutbound(tasks);
		sender.send(text("oversized"));
		sender.send(text("poison"));
		sender.send(text("healthy"));
		await().atMost(AWAIT).untilAsserted(() -> assertThat(done).containsExactly("healthy"));
		List<GetResponse> deadLetters = new ArrayList<>();
		await().atMost(AWAIT).until(() -> deadLetters.addAll(Broker.drain(tasks.name() + ".dlq"))
				&& deadLetters.size() >= 2);
		assertThat(attempts).as("each handled once, none redelivered").hasValue(2);
		assertThat(deadLetters).hasSize(2).anySatisfy((deadLetter) -> {
			assertThat(deadLetter.getBody()).asString(StandardCharsets.UTF_8).isEqualTo("oversized");
			assertThat(deadLetter.getProps().getHeaders()).as("rejected, dead-lettered by the broker")
				.containsKey("x-death")
				.doesNotContainKey(SwitchboardHeaders.EXCEPTION_TYPE);
		}).anySatisfy((deadLetter) -> {
			assertThat(deadLetter.getBody()).asString(StandardCharsets.UTF_8).isEqualTo("poison");
			assertThat(deadLetter.getProps().getHeaders()).as("published by the binder on a fresh channel")
				.containsKey(SwitchboardHeaders.EXCEPTION_TYPE)
				.doesNotContainKey("x-death");
		});
		assertThat(Broker.drain(tasks.name())).isEmpty();
	}

	@Test
	void deadLetterWhosePublishThrowsSomethingUnexpectedIsRejectedOnceInsteadOfRedeliveredForever() throws Exception {
		ChannelSpec tasks = channel(Pattern.PIPELINE);
		AmqpBinder binder = binder(AmqpChannelOptions.defaults());
		AtomicInteger attempts = new AtomicInteger();
		Queue<String> done = new ConcurrentLinkedQueue<>();
		binder.bindInbound(tasks, new InboundSpec(null, null, 1), (message) -> {
			if (text(message).equals("healthy")) {
				done.add("healthy");
				return null;
			}
			attempts.incrementAndGet();
			// Rendering the failure headers calls getMessage(): an exception, not a BindingException, out of publish.
			throw new DeadLetterException(new DeadLetter(tasks.name(), message, DeadLetter.Reason.LISTENER_FAILED, 1,
					new UnreadableMessageException()));
		});
		OutboundBinding sender = binder.bindOutbound(tasks);
		sender.send(text("poison"));
		sender.send(text("healthy"));
		await().atMost(AWAIT).untilAsserted(() -> assertThat(done).containsExactly("healthy"));
		List<GetResponse> deadLetters = new ArrayList<>();
		await().atMost(AWAIT).until(() -> deadLetters.addAll(Broker.drain(tasks.name() + ".dlq")));
		assertThat(deadLetters).singleElement()
			.satisfies((deadLetter) -> assertThat(deadLetter.getProps().getHeaders()).containsKey("x-death"));
		assertThat(attempts).as("rejected once, not redelivered").hasValue(1);
		assertThat(Broker.drain(tasks.name())).isEmpty();
	}

	/**
	 * A handler that gives up, as core's dispatcher does after its retries, on the messages
	 * the predicate picks.
	 */
	private static InboundHandler failing(ChannelSpec channel, java.util.function.Predicate<WireMessage> poison) {
		return (message) -> {
			if (poison.test(message)) {
				throw new DeadLetterException(new DeadLetter(channel.name(), message,
						DeadLetter.Reason.LISTENER_FAILED, 2, new IllegalStateException("boom")));
			}
			return null;
		};
	}

	/**
	 * A failure whose message cannot be read, as when it is computed from a resource that
	 * has gone away.
	 */
	@SuppressWarnings("serial")
	private static final class UnreadableMessageException extends RuntimeException {

		@Override
		public String getMessage() {
			throw new UnsupportedOperationException("the message is gone");
		}

		@Override
		public String toString() {
			return UnreadableMessageException.class.getName();
		}

	}

	private AmqpBinder binder(AmqpChannelOptions options) {
		AmqpBinder binder = new AmqpBinder(AmqpConnectionOptions.defaults(), (channel) -> options);
		this.binders.add(binder);
		return binder;
	}

	private ChannelSpec channel(Pattern pattern) {
		ChannelSpec channel = ChannelSpec.of("dead-letter-" + pattern.id() + "-" + UUID.randomUUID(), pattern,
				AmqpBinder.TRANSPORT);
		this.broker.channel(channel.name());
		return channel;
	}

	private static String text(WireMessage message) {
		return new String(message.payload(), StandardCharsets.UTF_8);
	}

	private static WireMessage text(String text) {
		return new WireMessage(text.getBytes(StandardCharsets.UTF_8), null, "text/plain", null, Map.of());
	}

}
