package dev.switchboard.zmq;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.switchboard.BindingException;
import dev.switchboard.RequestTimeoutException;
import dev.switchboard.binder.InboundHandler;
import dev.switchboard.binder.InboundSpec;
import dev.switchboard.binder.RequestBinding;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.Pattern;
import dev.switchboard.core.WireMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Request-reply when things go wrong, on loopback TCP: nobody listening, a dead or
 * restarted server, lost and late replies, and Lazy Pirate resends. Every call is bounded
 * by its timeout; a test never waits longer than its own.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ZmqRequestReplyFailureIntegrationTests {

	private static final Duration AWAIT = Duration.ofSeconds(10);

	private static final Duration SHORT = Duration.ofMillis(300);

	private static final AtomicInteger CHANNELS = new AtomicInteger();

	private final Map<String, ZmqChannelOptions> options = new ConcurrentHashMap<>();

	private final List<ZmqBinder> binders = new ArrayList<>();

	private final ZContext plain = new ZContext();

	@AfterEach
	void close() {
		this.binders.forEach(ZmqBinder::close);
		this.plain.close();
	}

	@Test
	void callWithNoListenerEndsInATimeoutNamingTheChannelAndTheTimeout() {
		ChannelSpec echo = channel(ZmqChannelOptions.of(FreePorts.endpoint()));
		RequestBinding caller = binder().bindRequester(echo);
		long start = System.nanoTime();
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> caller.request(message("anyone?"), SHORT).get(10, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(RequestTimeoutException.class)
			.withMessageContaining("'" + echo.name() + "'")
			.withMessageContaining("within 300 ms");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SHORT.plusSeconds(2));
	}

	@Test
	void callToADeadServerEndsInATimeout() throws Exception {
		ChannelSpec echo = channel(ZmqChannelOptions.of(FreePorts.endpoint()));
		ZmqBinder server = binder();
		server.bindInbound(echo, new InboundSpec(null, null, 1), echo());
		RequestBinding caller = binder().bindRequester(echo);
		assertThat(text(caller.request(message("alive?"), AWAIT).get(10, TimeUnit.SECONDS))).isEqualTo("Echo: alive?");
		server.close();
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> caller.request(message("dead?"), SHORT).get(10, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(RequestTimeoutException.class)
			.withMessageContaining("'" + echo.name() + "'")
			.withMessageContaining("within 300 ms");
	}

	@Test
	void lostReplyEndsInATimeoutAndResendsStayWithinIt() throws Exception {
		ZMQ.Socket router = plainRouter();
		ChannelSpec echo = channel(ZmqChannelOptions.of(router.getLastEndpoint()).withRequestRetries(2));
		RequestBinding caller = binder().bindRequester(echo);
		long start = System.nanoTime();
		CompletableFuture<WireMessage> reply = caller.request(message("swallowed"), Duration.ofMillis(600));
		List<ZMsg> seen = new ArrayList<>();
		for (ZMsg request = ZMsg.recvMsg(router); request != null; request = ZMsg.recvMsg(router)) {
			seen.add(request);
			if (seen.size() == 3) {
				break;
			}
		}
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> reply.get(10, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(RequestTimeoutException.class)
			.withMessageContaining("within 600 ms");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2600));
		assertThat(seen).as("the request and its two resends").hasSize(3);
		assertThat(seen).extracting(ZmqRequestReplyFailureIntegrationTests::correlation)
			.as("every copy carries the same correlation id")
			.containsOnly(correlation(seen.get(0)));
		assertThat(ZMsg.recvMsg(router, ZMQ.DONTWAIT)).as("nothing after the deadline").isNull();
	}

	@Test
	void resendIsAnsweredWhenTheFirstCopyWasLost() throws Exception {
		ZMQ.Socket router = plainRouter();
		ChannelSpec echo = channel(ZmqChannelOptions.of(router.getLastEndpoint()).withRequestRetries(2));
		RequestBinding caller = binder().bindRequester(echo);
		CompletableFuture<WireMessage> reply = caller.request(message("hello"), Duration.ofSeconds(3));
		ZMsg.recvMsg(router).destroy();
		ZMsg resent = ZMsg.recvMsg(router);
		ZMsg answer = new ZMsg();
		answer.add(resent.pop());
		answer.add(resent.pop());
		answer.add(resent.pop());
		answer.add(EnvelopeHeader.encode(WireMessage.of(new byte[0])));
		answer.add("answered the second copy");
		answer.send(router);
		assertThat(text(reply.get(10, TimeUnit.SECONDS))).isEqualTo("answered the second copy");
	}

	@Test
	void repliesToResentCopiesAfterTheFirstAreDroppedAndCounted() throws Exception {
		ChannelSpec server = channel(ZmqChannelOptions.of(FreePorts.endpoint()).withRequestRetries(1));
		List<String> seen = new CopyOnWriteArrayList<>();
		binder().bindInbound(server, new InboundSpec(null, null, 2), (request) -> {
			seen.add(text(request));
			if (text(request).equals("slow")) {
				sleep(Duration.ofMillis(700));
			}
			return WireMessage.of(bytes("reply to " + text(request))).withCorrelationId(request.correlationId());
		});
		ChannelSpec caller = ChannelSpec.of(server.name(), Pattern.REQUEST_REPLY, ZmqBinder.TRANSPORT);
		RequestBinding requester = binder().bindRequester(caller);
		assertThat(text(requester.request(message("warm up"), AWAIT).get(10, TimeUnit.SECONDS)))
			.isEqualTo("reply to warm up");
		CompletableFuture<WireMessage> slow = requester.request(message("slow"), Duration.ofSeconds(1));
		assertThat(text(slow.get(10, TimeUnit.SECONDS))).as("the first reply completes the call")
			.isEqualTo("reply to slow");
		await().atMost(AWAIT).until(() -> caller.statistics().getDropped() == 1);
		assertThat(seen).as("the request went out twice and both copies were answered")
			.containsExactly("warm up", "slow", "slow");
		assertThat(text(requester.request(message("next"), AWAIT).get(10, TimeUnit.SECONDS)))
			.as("the duplicate answers no other call")
			.isEqualTo("reply to next");
		assertThat(caller.statistics().getDropped()).isEqualTo(1);
	}

	@Test
	void withoutRetriesALostRequestIsSentOnce() throws Exception {
		ZMQ.Socket router = plainRouter();
		ChannelSpec echo = channel(ZmqChannelOptions.of(router.getLastEndpoint()));
		RequestBinding caller = binder().bindRequester(echo);
		CompletableFuture<WireMessage> reply = caller.request(message("once"), SHORT);
		assertThat(ZMsg.recvMsg(router)).isNotNull();
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> reply.get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(RequestTimeoutException.class);
		assertThat(ZMsg.recvMsg(router, ZMQ.DONTWAIT)).isNull();
	}

	@Test
	void lateReplyIsDroppedAndCountedAndNeverAnswersTheNextCall() throws Exception {
		ChannelSpec echo = channel(ZmqChannelOptions.of(FreePorts.endpoint()));
		CountDownLatch lateSent = new CountDownLatch(1);
		binder().bindInbound(echo, new InboundSpec(null, null, 1), (request) -> {
			if (text(request).equals("slow")) {
				sleep(SHORT.multipliedBy(3));
				lateSent.countDown();
			}
			return WireMessage.of(bytes("reply to " + text(request))).withCorrelationId(request.correlationId());
		});
		RequestBinding caller = binder().bindRequester(echo);
		CompletableFuture<WireMessage> slow = caller.request(message("slow"), SHORT);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> slow.get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(RequestTimeoutException.class);
		CompletableFuture<WireMessage> next = caller.request(message("next"), AWAIT);
		assertThat(text(next.get(10, TimeUnit.SECONDS))).isEqualTo("reply to next");
		assertThat(lateSent.await(10, TimeUnit.SECONDS)).isTrue();
		await().atMost(AWAIT).until(() -> echo.statistics().getDropped() == 1);
	}

	@Test
	void callersCarryOnAfterTheServerRestartsOnTheSameEndpointAndCallsInFlightTimeOut() throws Exception {
		String endpoint = FreePorts.endpoint();
		ChannelSpec echo = channel(ZmqChannelOptions.of(endpoint));
		CountDownLatch crash = new CountDownLatch(1);
		CountDownLatch inside = new CountDownLatch(2);
		ZmqBinder server = binder();
		server.bindInbound(echo, new InboundSpec(null, null, 2), (request) -> {
			if (text(request).startsWith("in flight")) {
				inside.countDown();
				awaitQuietly(crash);
			}
			return WireMessage.of(bytes("Echo: " + text(request))).withCorrelationId(request.correlationId());
		});
		RequestBinding caller = binder().bindRequester(echo);
		assertThat(text(caller.request(message("before"), AWAIT).get(10, TimeUnit.SECONDS))).isEqualTo("Echo: before");
		List<CompletableFuture<WireMessage>> inFlight = List.of(caller.request(message("in flight 1"), SHORT.multipliedBy(4)),
				caller.request(message("in flight 2"), SHORT.multipliedBy(4)));
		assertThat(inside.await(10, TimeUnit.SECONDS)).as("both calls reached the server").isTrue();
		server.close();
		crash.countDown();
		for (CompletableFuture<WireMessage> call : inFlight) {
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> call.get(10, TimeUnit.SECONDS))
				.withCauseInstanceOf(RequestTimeoutException.class);
		}
		ZmqBinder restarted = binder();
		await().atMost(AWAIT).ignoreException(BindingException.class)
			.until(() -> restarted.bindInbound(echo, new InboundSpec(null, null, 1), echo()) != null);
		await().atMost(AWAIT).ignoreExceptions()
			.until(() -> text(caller.request(message("probe"), SHORT).get(10, TimeUnit.SECONDS)).equals("Echo: probe"));
		for (int i = 0; i < 10; i++) {
			assertThat(text(caller.request(message("after " + i), AWAIT).get(10, TimeUnit.SECONDS)))
				.isEqualTo("Echo: after " + i);
		}
	}

	private ChannelSpec channel(ZmqChannelOptions channelOptions) {
		ChannelSpec channel = ChannelSpec.of("zmq-rr-" + CHANNELS.incrementAndGet(), Pattern.REQUEST_REPLY,
				ZmqBinder.TRANSPORT);
		this.options.put(channel.name(), channelOptions);
		return channel;
	}

	private ZmqBinder binder() {
		ZmqBinder binder = new ZmqBinder(ZmqBinderOptions.defaults(),
				(channel) -> this.options.getOrDefault(channel, ZmqChannelOptions.none()));
		this.binders.add(binder);
		return binder;
	}

	private ZMQ.Socket plainRouter() {
		ZMQ.Socket router = this.plain.createSocket(SocketType.ROUTER);
		router.setReceiveTimeOut((int) AWAIT.toMillis());
		router.bind("tcp://127.0.0.1:*");
		return router;
	}

	private static String correlation(ZMsg request) {
		return new ArrayList<>(request).get(1).getString(StandardCharsets.UTF_8);
	}

	private static InboundHandler echo() {
		return (request) -> WireMessage.of(bytes("Echo: " + text(request))).withCorrelationId(request.correlationId());
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static WireMessage message(String text) {
		return WireMessage.of(bytes(text));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(WireMessage message) {
		return new String(message.payload(), StandardCharsets.UTF_8);
	}

}
