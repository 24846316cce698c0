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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
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
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * Faults against the real, shared broker: a deleted queue (mandatory sends, cancelled
 * consumers), a memory alarm, force-closed connections and request-reply calls that get no
 * answer. Every outage is short and undone in a {@code finally}.
 */
class AmqpFaultsIntegrationTests {

	private static final Duration AWAIT = Duration.ofSeconds(30);

	/**
	 * A memory high watermark every broker is above, as {@code rabbitmqctl} reads it back.
	 */
	private static final String ALARM_WATERMARK = "1.0e-6";

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
		Duration blockedTimeout = Duration.ofSeconds(1);
		AmqpBinder binder = binder(AmqpConnectionOptions.builder().blockedTimeout(blockedTimeout).build());
		OutboundBinding sender = binder.bindOutbound(tasks);
		sender.send(text("before the alarm"));
		List<String> watermark = RabbitCtl.memoryWatermark();
		TimedFailure blocked;
		try {
			RabbitCtl.setMemoryWatermark(List.of(ALARM_WATERMARK));
			blocked = sendUntilOneFails(sender, "during the alarm");
		}
		finally {
			RabbitCtl.setMemoryWatermark(watermark);
		}
		assertThat(blocked.failure()).hasMessageContaining("Channel '" + tasks.name() + "'")
			.hasMessageContaining("blocks publishing")
			.hasMessageContaining("switchboard.amqp.blocked-timeout");
		// At least the blocked timeout; well under the 10 s confirm timeout, which would end a wait that never saw the block.
		assertThat(blocked.took()).as("how long the failing send waited")
			.isGreaterThanOrEqualTo(blockedTimeout)
			.isLessThan(blockedTimeout.plusSeconds(4));
		await().atMost(AWAIT).ignoreExceptions().untilAsserted(() -> sender.send(text("after the alarm")));
		assertThat(RabbitCtl.memoryWatermark()).isEqualTo(watermark);
	}

	@Test
	void memoryAlarmWithAZeroBlockedTimeoutFailsSendsAtOnceAndSendsNothing() throws Exception {
		ChannelSpec tasks = channel(Pattern.PIPELINE);
		AmqpBinder binder = binder(AmqpConnectionOptions.builder().blockedTimeout(Duration.ZERO).build());
		OutboundBinding sender = binder.bindOutbound(tasks);
		sender.send(text("before the alarm"));
		List<String> watermark = RabbitCtl.memoryWatermark();
		List<TimedFailure> whileBlocked = new ArrayList<>();
		try {
			RabbitCtl.setMemoryWatermark(List.of(ALARM_WATERMARK));
			// The first send during the alarm is the one the broker blocks on; it fails on the next confirm poll.
			assertThat(sendUntilOneFails(sender, "blocking").took()).isLessThan(Duration.ofSeconds(3));
			for (int i = 0; i < 20; i++) {
				whileBlocked.add(timedFailure(sender, "while blocked " + i));
			}
			assertTheAlarmStillStands();
		}
		finally {
			RabbitCtl.setMemoryWatermark(watermark);
		}
		assertThat(whileBlocked).allSatisfy((blocked) -> {
			assertThat(blocked.failure()).hasMessageContaining("blocks publishing")
				.hasMessageContaining("so nothing was sent");
			assertThat(blocked.took()).as("failed at once").isLessThan(Duration.ofMillis(200));
		});
		await().atMost(AWAIT).ignoreExceptions().untilAsserted(() -> sender.send(text("after the alarm")));
		assertThat(payloads(drainWhenSettled(tasks.name()))).as("what failed without sending never arrives")
			.contains("before the alarm", "after the alarm")
			.noneMatch((payload) -> payload.startsWith("while blocked"));
		assertThat(RabbitCtl.memoryWatermark()).isEqualTo(watermark);
	}

	/**
	 * No unbounded memory growth: while the broker blocks, each send holds its own thread
	 * until it fails, and none leaves its message behind in the client to go out later; the
	 * queue afterwards holds none of them.
	 */
	@Test
	void memoryAlarmHoldsManySendingThreadsWithoutBufferingWhatTheySend() throws Exception {
		ChannelSpec tasks = channel(Pattern.PIPELINE);
		Duration blockedTimeout = Duration.ofMillis(500);
		AmqpBinder binder = binder(AmqpConnectionOptions.builder().blockedTimeout(blockedTimeout).build());
		OutboundBinding sender = binder.bindOutbound(tasks);
		sender.send(text("before the alarm"));
		int threads = 32;
		Queue<String> sent = new ConcurrentLinkedQueue<>();
		Queue<TimedFailure> failed = new ConcurrentLinkedQueue<>();
		List<String> watermark = RabbitCtl.memoryWatermark();
		try {
			RabbitCtl.setMemoryWatermark(List.of(ALARM_WATERMARK));
			sendUntilOneFails(sender, "blocking");
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			long until = System.nanoTime() + Duration.ofMillis(2500).toNanos();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				pool.execute(() -> {
					for (int i = 0; System.nanoTime() < until; i++) {
						String payload = "thread " + thread + " message " + i;
						long started = System.nanoTime();
						try {
							sender.send(text(payload));
							sent.add(payload);
						}
						catch (BindingException ex) {
							failed.add(new TimedFailure(ex, Duration.ofNanos(System.nanoTime() - started)));
						}
					}
				});
			}
			pool.shutdown();
			assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).as("every send returned").isTrue();
			assertTheAlarmStillStands();
		}
		finally {
			RabbitCtl.setMemoryWatermark(watermark);
		}
		assertThat(sent).as("nothing is accepted while the broker blocks").isEmpty();
		assertThat(failed).as("each thread tried again and again").hasSizeGreaterThan(threads * 3)
			.allSatisfy((blocked) -> {
				assertThat(blocked.failure()).hasMessageContaining("so nothing was sent");
				assertThat(blocked.took()).isGreaterThanOrEqualTo(blockedTimeout)
					.isLessThan(blockedTimeout.plusSeconds(3));
			});
		await().atMost(AWAIT).ignoreExceptions().untilAsserted(() -> sender.send(text("after the alarm")));
		assertThat(payloads(drainWhenSettled(tasks.name())))
			.as("not one of the %d sends made during the alarm was kept in memory to go out later", failed.size())
			.contains("before the alarm", "after the alarm")
			.noneMatch((payload) -> payload.startsWith("thread "));
		assertThat(RabbitCtl.memoryWatermark()).isEqualTo(watermark);
	}

	/**
	 * What this test asserts about a blocked broker holds only while its alarm stands. The
	 * broker may be shared with another build whose memory-alarm test restores the
	 * watermark; then this test fails, saying so, rather than passing on a broker that was
	 * not blocked, or being skipped.
	 */
	private static void assertTheAlarmStillStands() {
		assertThat(RabbitCtl.memoryWatermark())
			.as("the watermark this test set; if it changed, another build on this broker lifted the alarm")
			.containsExactly(ALARM_WATERMARK);
	}

	/**
	 * Send until a send fails: the broker blocks a publishing connection once it publishes
	 * during the alarm, and the alarm may take a moment to be raised.
	 */
	private static TimedFailure sendUntilOneFails(OutboundBinding sender, String prefix) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		for (int i = 0; System.nanoTime() < deadline; i++) {
			long started = System.nanoTime();
			try {
				sender.send(text(prefix + " " + i));
			}
			catch (BindingException ex) {
				return new TimedFailure(ex, Duration.ofNanos(System.nanoTime() - started));
			}
		}
		assertTheAlarmStillStands();
		throw new AssertionError("No send failed during 10 s of memory alarm");
	}

	private static TimedFailure timedFailure(OutboundBinding sender, String payload) {
		long started = System.nanoTime();
		BindingException failure = catchThrowableOfType(BindingException.class, () -> sender.send(text(payload)));
		assertThat(failure).as("send of '%s' during the alarm", payload).isNotNull();
		return new TimedFailure(failure, Duration.ofNanos(System.nanoTime() - started));
	}

	/**
	 * Drain a queue once its depth has stopped changing: messages a blocked connection
	 * buffered reach it shortly after the alarm ends.
	 */
	private static List<GetResponse> drainWhenSettled(String queue) {
		long[] last = { -1 };
		await().atMost(AWAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
			long depth = messageCount(queue);
			boolean settled = depth == last[0];
			last[0] = depth;
			return settled;
		});
		return Broker.drain(queue);
	}

	private static List<String> payloads(List<GetResponse> messages) {
		return messages.stream().map((message) -> new String(message.getBody(), StandardCharsets.UTF_8)).toList();
	}

	private record TimedFailure(BindingException failure, Duration took) {

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

	private static long messageCount(String queue) throws IOException, TimeoutException {
		try (Connection connection = Broker.connect(); Channel channel = connection.createChannel()) {
			return channel.messageCount(queue);
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
