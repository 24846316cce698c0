package dev.switchboard.amqp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.switchboard.BindingException;
import dev.switchboard.RequestTimeoutException;
import dev.switchboard.binder.InboundBinding;
import dev.switchboard.binder.InboundHandler;
import dev.switchboard.binder.InboundSpec;
import dev.switchboard.binder.OutboundBinding;
import dev.switchboard.binder.RequestBinding;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.Pattern;
import dev.switchboard.core.WireMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Faults against the real, shared broker: a deleted queue (mandatory sends, cancelled
 * consumers), a memory alarm, force-closed connections and request-reply calls that get no
 * answer. Every outage is short and undone in a {@code finally}.
 */
class AmqpFaultsIntegrationTests {

	private static final Duration AWAIT = Duration.ofSeconds(30);

	private final Broker broker = new Broker();

	private final List<AmqpBinder> binders = new ArrayList<>();

	@AfterEach
	void cleanUp() throws IOException, TimeoutException {
		this.binders.forEach(AmqpBinder::close);
		this.broker.deleteAll();
	}

	@Test
	void sendThatNoQueueTakesFailsNamingTheChannelAndTheQueue() throws Exception {
		ChannelSpec tasks = channel(Pattern.PIPELINE);
		OutboundBinding sender = binder(AmqpConnectionOptions.defaults()).bindOutbound(tasks);
		sender.send(text("before"));
		deleteQueue(tasks.name());
		assertThatExceptionOfType(BindingException.class).isThrownBy(() -> sender.send(text("into the void")))
			.withMessageContaining("Channel '" + tasks.name() + "'")
			.withMessageContaining("no queue took the message")
			.withMessageContaining("routing key '" + tasks.name() + "'");
	}

	@Test
	void requestThatNoQueueTakesFailsAtOnceInsteadOfAtItsTimeout() throws Exception {
		ChannelSpec echo = channel(Pattern.REQUEST_REPLY);
		RequestBinding requester = binder(AmqpConnectionOptions.defaults()).bindRequester(echo);
		deleteQueue(echo.name());
		CompletableFuture<WireMessage> reply = requester.request(text("anyone?"), Duration.ofSeconds(60));
		assertThat(reply).failsWithin(Duration.ofSeconds(10))
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(BindingException.class)
			.withMessageContaining("no queue took the request");
	}

	@Test
	void consumerCancelledBecauseItsQueueWasDeletedDeclaresItAgainAndConsumes() throws Exception {
		ChannelSpec tasks = channel(Pattern.PIPELINE);
		AmqpBinder binder = binder(AmqpConnectionOptions.defaults());
		Queue<String> inbox = new ConcurrentLinkedQueue<>();
		binder.bindInbound(tasks, new InboundSpec(null, null, 2), collecting(inbox));
		OutboundBinding sender = binder.bindOutbound(tasks);
		sender.send(text("before"));
		await().atMost(AWAIT).untilAsserted(() -> assertThat(inbox).containsExactly("before"));
		deleteQueue(tasks.name());
		await().atMost(AWAIT).until(() -> consumerCount(tasks.name()) == 2);
		sender.send(text("after"));
		await().atMost(AWAIT).untilAsserted(() -> assertThat(inbox).containsExactly("before", "after"));
	}

	@Test
	void consumerCancelledByTheBrokerIsNotRecoveredAgainAfterAConnectionLoss() throws Exception {
		ChannelSpec tasks = channel(Pattern.PIPELINE);
		String name = "fault-" + UUID.randomUUID();
		AmqpBinder binder = binder(AmqpConnectionOptions.builder()
			.connectionName(name)
			.recoveryInterval(Duration.ofSeconds(1))
			.build());
		Map<String, Integer> received = new ConcurrentHashMap<>();
		binder.bindInbound(tasks, new InboundSpec(null, null, 2), (message) -> {
			received.merge(new String(message.payload(), StandardCharsets.UTF_8), 1, Integer::sum);
			return null;
		});
		OutboundBinding sender = binder.bindOutbound(tasks);
		deleteQueue(tasks.name());
		await().atMost(AWAIT).until(() -> consumerCount(tasks.name()) == 2);
		assertThat(RabbitCtl.closeConnections(name + "-consumer")).isEqualTo(1);
		// Recovery declares the consumers again within seconds; a stale one would come back too, and stay.
		await().atMost(AWAIT)
			.during(Duration.ofSeconds(3))
			.until(() -> consumerCount(tasks.name()), (count) -> count == 2);
		int count = 200;
		for (int i = 0; i < count; i++) {
			sender.send(text("task " + i));
		}
		await().atMost(AWAIT).until(() -> received.size() == count);
		assertThat(received).allSatisfy((task, times) -> assertThat(times).as(task).isEqualTo(1));
		assertThat(consumerCount(tasks.name())).isEqualTo(2);
	}

	@Test
	void memoryAlarmMakesASendWaitUpToTheBlockedTimeoutThenFailAndSendingResumesAfterIt() throws Exception {
		ChannelSpec tasks = channel(Pattern.PIPELINE);
		AmqpBinder binder = binder(AmqpConnectionOptions.builder().blockedTimeout(Duration.ofSeconds(1)).build());
		OutboundBinding sender = binder.bindOutbound(tasks);
		sender.send(text("before the alarm"));
		List<String> watermark = RabbitCtl.memoryWatermark();
		try {
			RabbitCtl.setMemoryWatermark(List.of("0.000001"));
			// The broker tells a publishing connection it is blocked when it next publishes.
			long started = System.nanoTime();
			List<Throwable> failures = new ArrayList<>();
			for (int i = 0; i < 3 && failures.isEmpty(); i++) {
				try {
					sender.send(text("during the alarm " + i));
				}
				catch (BindingException ex) {
					failures.add(ex);
				}
			}
			assertThat(failures).singleElement()
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.THROWABLE)
				.hasMessageContaining("Channel '" + tasks.name() + "'")
				.hasMessageContaining("blocks publishing")
				.hasMessageContaining("switchboard.amqp.blocked-timeout");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(40));
		}
		finally {
			RabbitCtl.setMemoryWatermark(watermark);
		}
		await().atMost(AWAIT).ignoreExceptions().untilAsserted(() -> sender.send(text("after the alarm")));
		assertThat(RabbitCtl.memoryWatermark()).isEqualTo(watermark);
	}

	@Test
	void forceClosedConnectionsRecoverAndPublishingAndConsumingResumeWithinSeconds() throws Exception {
		ChannelSpec tasks = channel(Pattern.PIPELINE);
		String name = "fault-" + UUID.randomUUID();
		AmqpBinder binder = binder(AmqpConnectionOptions.builder()
			.connectionName(name)
			.recoveryInterval(Duration.ofSeconds(1))
			.build());
		Queue<String> inbox = new ConcurrentLinkedQueue<>();
		binder.bindInbound(tasks, new InboundSpec(null, null, 1), collecting(inbox));
		OutboundBinding sender = binder.bindOutbound(tasks);
		sender.send(text("before"));
		await().atMost(AWAIT).untilAsserted(() -> assertThat(inbox).containsExactly("before"));
		assertThat(RabbitCtl.closeConnections(name)).isEqualTo(2);
		long closed = System.nanoTime();
		sender.send(text("after"));
		await().atMost(AWAIT).untilAsserted(() -> assertThat(inbox).contains("after"));
		Duration resumed = Duration.ofNanos(System.nanoTime() - closed);
		System.out.println("Publishing and consuming resumed " + resumed.toMillis() + " ms after close_connection");
		assertThat(resumed).isLessThan(Duration.ofSeconds(15));
	}

	@Test
	void requestWithoutAListenerTimesOutNamingTheChannelAndTheTimeout() {
		ChannelSpec echo = channel(Pattern.REQUEST_REPLY);
		RequestBinding requester = binder(AmqpConnectionOptions.defaults()).bindRequester(echo);
		assertTimesOut(requester.request(text("anyone?"), Duration.ofMillis(300)), echo, 300);
	}

	@Test
	void requestToADeadServerTimesOut() {
		ChannelSpec echo = channel(Pattern.REQUEST_REPLY);
		AmqpBinder server = binder(AmqpConnectionOptions.defaults());
		InboundBinding listener = server.bindInbound(echo, new InboundSpec(null, null, 1), (request) -> text("pong"));
		RequestBinding requester = binder(AmqpConnectionOptions.defaults()).bindRequester(echo);
		listener.close();
		server.close();
		assertTimesOut(requester.request(text("ping"), Duration.ofMillis(500)), echo, 500);
	}

	@Test
	void requestWhoseReplyIsLostTimesOut() {
		ChannelSpec echo = channel(Pattern.REQUEST_REPLY);
		AmqpBinder binder = binder(AmqpConnectionOptions.defaults());
		// A listener whose answer never leaves: the reply is lost on the way.
		binder.bindInbound(echo, new InboundSpec(null, null, 1), (request) -> null);
		RequestBinding requester = binder.bindRequester(echo);
		assertTimesOut(requester.request(text("ping"), Duration.ofMillis(500)), echo, 500);
	}

	@Test
	void lateReplyIsDroppedAndCountedAndNeverReachesTheNextCaller() throws Exception {
		ChannelSpec echo = channel(Pattern.REQUEST_REPLY);
		AmqpBinder binder = binder(AmqpConnectionOptions.defaults());
		CountDownLatch release = new CountDownLatch(1);
		binder.bindInbound(echo, new InboundSpec(null, null, 1), (request) -> {
			String text = new String(request.payload(), StandardCharsets.UTF_8);
			if (text.equals("slow")) {
				try {
					release.await(AWAIT.toSeconds(), TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			return text("reply to " + text);
		});
		RequestBinding requester = binder.bindRequester(echo);
		assertTimesOut(requester.request(text("slow"), Duration.ofMillis(300)), echo, 300);
		CompletableFuture<WireMessage> next = requester.request(text("next"), AWAIT);
		release.countDown();
		assertThat(next.get(AWAIT.toSeconds(), TimeUnit.SECONDS).payload()).asString(StandardCharsets.UTF_8)
			.isEqualTo("reply to next");
		await().atMost(AWAIT).until(() -> echo.statistics().getDropped() == 1);
	}

	private static void assertTimesOut(CompletableFuture<WireMessage> reply, ChannelSpec channel, long millis) {
		assertThat(reply).failsWithin(Duration.ofMillis(millis).plusSeconds(10))
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(RequestTimeoutException.class)
			.withMessageContaining("'" + channel.name() + "'")
			.withMessageContaining(millis + " ms");
	}

	private static void deleteQueue(String queue) throws IOException, TimeoutException {
		try (Connection connection = Broker.connect(); Channel channel = connection.createChannel()) {
			channel.queueDelete(queue);
		}
	}

	private static long consumerCount(String queue) throws IOException, TimeoutException {
		try (Connection connection = Broker.connect(); Channel channel = connection.createChannel()) {
			return channel.consumerCount(queue);
		}
		catch (IOException ex) {
			return -1;
		}
	}

	private AmqpBinder binder(AmqpConnectionOptions connection) {
		AmqpBinder binder = new AmqpBinder(connection, (channel) -> AmqpChannelOptions.defaults());
		this.binders.add(binder);
		return binder;
	}

	private ChannelSpec channel(Pattern pattern) {
		ChannelSpec channel = ChannelSpec.of("fault-" + pattern.id() + "-" + UUID.randomUUID(), pattern,
				AmqpBinder.TRANSPORT);
		this.broker.channel(channel.name());
		return channel;
	}

	private static InboundHandler collecting(Queue<String> inbox) {
		return (message) -> {
			inbox.add(new String(message.payload(), StandardCharsets.UTF_8));
			return null;
		};
	}

	private static WireMessage text(String text) {
		return new WireMessage(text.getBytes(StandardCharsets.UTF_8), null, "text/plain", null, Map.of());
	}

}
