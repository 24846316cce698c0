package dev.switchboard.zmq;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
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
import java.util.concurrent.atomic.AtomicInteger;

import dev.switchboard.BindingException;
import dev.switchboard.ChannelConfigurationException;
import dev.switchboard.RequestTimeoutException;
import dev.switchboard.binder.InboundBinding;
import dev.switchboard.binder.InboundHandler;
import dev.switchboard.binder.InboundSpec;
import dev.switchboard.binder.OutboundBinding;
import dev.switchboard.binder.RequestBinding;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.Pattern;
import dev.switchboard.core.SwitchboardHeaders;
import dev.switchboard.core.TopicFilter;
import dev.switchboard.core.WireMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The binder against plain ZeroMQ peers (the sockets pyzmq programs use), hostile peers and
 * misconfiguration, on loopback TCP.
 */
class ZmqBinderIntegrationTests {

	private static final Duration AWAIT = Duration.ofSeconds(10);

	private static final AtomicInteger CHANNELS = new AtomicInteger();

	private final Map<String, ZmqChannelOptions> options = new ConcurrentHashMap<>();

	private final ZmqBinder binder = new ZmqBinder(ZmqBinderOptions.defaults(), this::resolve);

	private final ZContext plain = new ZContext();

	@AfterEach
	void close() {
		this.binder.close();
		this.plain.close();
	}

	@Test
	void plainReqClientGetsTheListenersReplyInRawFraming() {
		ChannelSpec echo = channel(Pattern.REQUEST_REPLY, raw(FreePorts.endpoint()));
		InboundBinding listener = listen(echo, (request) -> WireMessage.of(bytes("Echo: " + text(request))));
		ZMQ.Socket req = plainSocket(SocketType.REQ, endpoint(listener));
		for (int i = 0; i < 3; i++) {
			req.send("hello " + i);
			assertThat(req.recvStr()).isEqualTo("Echo: hello " + i);
		}
	}

	@Test
	void plainReqClientGetsATextErrorInRawFramingAndIsNeverStuck() {
		ChannelSpec echo = channel(Pattern.REQUEST_REPLY, raw(FreePorts.endpoint()));
		InboundBinding listener = listen(echo,
				(request) -> WireMessage.error(new IllegalStateException("boom"), request.correlationId()));
		ZMQ.Socket req = plainSocket(SocketType.REQ, endpoint(listener));
		req.send("anything");
		assertThat(req.recvStr()).isEqualTo("ERROR java.lang.IllegalStateException: boom");
		req.send("again");
		assertThat(req.recvStr()).startsWith("ERROR");
	}

	@Test
	void switchboardCallerGetsAnErrorReplyInRawFraming() throws Exception {
		ChannelSpec echo = channel(Pattern.REQUEST_REPLY, raw(FreePorts.endpoint()));
		InboundBinding listener = listen(echo,
				(request) -> WireMessage.error(new IllegalStateException("boom"), request.correlationId()));
		configure(echo, raw(endpoint(listener)));
		WireMessage reply = this.binder.bindRequester(echo)
			.request(WireMessage.of(bytes("x")), Duration.ofSeconds(10))
			.get(10, TimeUnit.SECONDS);
		assertThat(reply.isError()).isTrue();
		assertThat(reply.headers()).containsEntry(SwitchboardHeaders.ERROR_MESSAGE, "boom");
	}

	@Test
	void callerTalksToAPlainRepServer() throws Exception {
		ChannelSpec echo = channel(Pattern.REQUEST_REPLY, ZmqChannelOptions.none());
		ZMQ.Socket rep = this.plain.createSocket(SocketType.REP);
		rep.bind(FreePorts.endpoint());
		configure(echo, raw(rep.getLastEndpoint()));
		RequestBinding caller = this.binder.bindRequester(echo);
		CompletableFuture<WireMessage> first = caller.request(WireMessage.of(bytes("one")), AWAIT);
		CompletableFuture<WireMessage> second = caller.request(WireMessage.of(bytes("two")), AWAIT);
		for (int i = 0; i < 2; i++) {
			rep.send("re:" + rep.recvStr());
		}
		assertThat(text(first.get(10, TimeUnit.SECONDS))).isEqualTo("re:one");
		assertThat(text(second.get(10, TimeUnit.SECONDS))).isEqualTo("re:two");
	}

	@Test
	void lateReplyAfterTimeoutIsDroppedAndCounted() throws Exception {
		ChannelSpec slow = channel(Pattern.REQUEST_REPLY, ZmqChannelOptions.of(FreePorts.endpoint()));
		CountDownLatch release = new CountDownLatch(1);
		InboundBinding listener = listen(slow, (request) -> {
			await().atMost(AWAIT).until(() -> release.getCount() == 0);
			return WireMessage.of(bytes("late"));
		});
		configure(slow, ZmqChannelOptions.of(endpoint(listener)));
		CompletableFuture<WireMessage> reply = this.binder.bindRequester(slow)
			.request(WireMessage.of(bytes("x")), Duration.ofMillis(200));
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> reply.get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(RequestTimeoutException.class);
		release.countDown();
		await().atMost(AWAIT).until(() -> slow.statistics().getDropped() == 1);
	}

	@Test
	void listenerWithConcurrencyServesRequestsInParallel() {
		ChannelSpec echo = channel(Pattern.REQUEST_REPLY, ZmqChannelOptions.of(FreePorts.endpoint()));
		CountDownLatch allInside = new CountDownLatch(3);
		InboundBinding listener = this.binder.bindInbound(echo, new InboundSpec(null, null, 3), (request) -> {
			allInside.countDown();
			await().atMost(AWAIT).until(() -> allInside.getCount() == 0);
			return WireMessage.of(bytes("done")).withCorrelationId(request.correlationId());
		});
		configure(echo, ZmqChannelOptions.of(endpoint(listener)));
		RequestBinding caller = this.binder.bindRequester(echo);
		List<CompletableFuture<WireMessage>> replies = List.of(caller.request(WireMessage.of(bytes("1")), AWAIT),
				caller.request(WireMessage.of(bytes("2")), AWAIT), caller.request(WireMessage.of(bytes("3")), AWAIT));
		replies.forEach((reply) -> assertThat(text(reply.join())).isEqualTo("done"));
	}

	@Test
	void peersThatDoNotSpeakZeroMqAreRejectedAndTheListenerKeepsServing() throws Exception {
		ChannelSpec echo = channel(Pattern.REQUEST_REPLY, raw(FreePorts.endpoint()));
		InboundBinding listener = listen(echo, (request) -> WireMessage.of(bytes("Echo: " + text(request))));
		int port = port(endpoint(listener));
		writeRaw(port, "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		writeRaw(port, new byte[] { (byte) 0xFF, 0, 0, 0, 0, 0, 0, 0, 1, 0x7F, 3, 0, 'B', 'O', 'G', 'U', 'S', 0 });
		writeRaw(port, new byte[] { (byte) 0xFF, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
				(byte) 0xFF, (byte) 0xFF, 1, 2, 3 });
		await().atMost(AWAIT).until(() -> echo.statistics().getRejectedPeers() >= 3);
		ZMQ.Socket req = plainSocket(SocketType.REQ, endpoint(listener));
		req.send("still there?");
		assertThat(req.recvStr()).isEqualTo("Echo: still there?");
	}

	@Test
	void producerClosedRightAfterSendingHandsItsQueueToAWorkerThatConnectsWithinTheLinger() throws Exception {
		ChannelSpec tasks = channel(Pattern.PIPELINE, ZmqChannelOptions.of(FreePorts.endpoint()));
		ZmqBinder producer = new ZmqBinder(withLinger(Duration.ofSeconds(20)), this::resolve);
		OutboundBinding out = producer.bindOutbound(tasks);
		for (int i = 1; i <= 3; i++) {
			out.send(WireMessage.of(bytes("task " + i)));
		}
		CompletableFuture<Void> closed = CompletableFuture.runAsync(producer::close);
		Queue<String> received = new ConcurrentLinkedQueue<>();
		this.binder.bindInbound(tasks, new InboundSpec(null, null, 1), (message) -> {
			received.add(text(message));
			return null;
		});
		await().atMost(AWAIT).untilAsserted(() -> assertThat(received).containsExactly("task 1", "task 2", "task 3"));
		closed.get(AWAIT.toSeconds(), TimeUnit.SECONDS);
		assertThat(tasks.statistics().getDropped()).isZero();
	}

	@Test
	void queuedMessagesNoPeerTakesWithinTheLingerAreCountedAsDropped() {
		ChannelSpec tasks = channel(Pattern.PIPELINE, ZmqChannelOptions.of(FreePorts.endpoint()));
		ZmqBinder producer = new ZmqBinder(withLinger(Duration.ofMillis(200)), this::resolve);
		OutboundBinding out = producer.bindOutbound(tasks);
		out.send(WireMessage.of(bytes("task 1")));
		out.send(WireMessage.of(bytes("task 2")));
		producer.close();
		assertThat(tasks.statistics().getDropped()).isEqualTo(2);
	}

	@Test
	void sendFromAnInterruptedThreadThatFindsRoomIsQueuedAndTheInterruptKept() {
		ChannelSpec scores = channel(Pattern.PUB_SUB, ZmqChannelOptions.of(FreePorts.endpoint()));
		OutboundBinding out = this.binder.bindOutbound(scores);
		onAnInterruptedThread(() -> out.send(WireMessage.of(bytes("1-Update")).withTopic("1")));
		assertThat(scores.statistics().getDropped()).isZero();
	}

	@Test
	void sendFromAnInterruptedThreadThatWouldHaveToWaitIsRefusedAndTheInterruptKept() {
		ChannelSpec tasks = channel(Pattern.PIPELINE, roomForOne(FreePorts.endpoint()));
		OutboundBinding out = this.binder.bindOutbound(tasks);
		out.send(WireMessage.of(bytes("task 1")));
		onAnInterruptedThread(() -> assertThatExceptionOfType(BindingException.class)
			.isThrownBy(() -> out.send(WireMessage.of(bytes("task 2"))))
			.withMessageContaining("interrupted while waiting for room"));
		assertThat(tasks.statistics().getDropped()).isZero();
	}

	@Test
	void requestsFromAnInterruptedThreadGoOutAndLeaveTheSocketWorking() throws Exception {
		ChannelSpec echo = channel(Pattern.REQUEST_REPLY, ZmqChannelOptions.of(FreePorts.endpoint()));
		listen(echo, (request) -> WireMessage.of(bytes("Echo: " + text(request))));
		RequestBinding caller = this.binder.bindRequester(echo);
		List<CompletableFuture<WireMessage>> replies = new ArrayList<>();
		onAnInterruptedThread(() -> {
			for (int i = 0; i < 20; i++) {
				replies.add(caller.request(WireMessage.of(bytes("hello " + i)), AWAIT));
			}
		});
		for (int i = 0; i < replies.size(); i++) {
			assertThat(text(replies.get(i).get(AWAIT.toSeconds(), TimeUnit.SECONDS))).isEqualTo("Echo: hello " + i);
		}
		WireMessage later = caller.request(WireMessage.of(bytes("later")), AWAIT).get(AWAIT.toSeconds(), TimeUnit.SECONDS);
		assertThat(text(later)).isEqualTo("Echo: later");
	}

	@Test
	void sendWaitingForRoomWhenTheChannelClosesIsRefusedAndWhatWasQueuedIsCountedAsDropped() throws Exception {
		ChannelSpec tasks = channel(Pattern.PIPELINE, roomForOne(FreePorts.endpoint()));
		// no linger: the close has to beat the sender's one-second wait by a wide margin
		ZmqBinder producer = new ZmqBinder(withLinger(Duration.ZERO), this::resolve);
		OutboundBinding out = producer.bindOutbound(tasks);
		out.send(WireMessage.of(bytes("task 1")));
		CompletableFuture<Void> waiting = new CompletableFuture<>();
		Thread sender = new Thread(() -> {
			try {
				out.send(WireMessage.of(bytes("task 2")));
				waiting.complete(null);
			}
			catch (RuntimeException ex) {
				waiting.completeExceptionally(ex);
			}
		});
		sender.start();
		await().atMost(AWAIT).until(() -> sender.getState() == Thread.State.TIMED_WAITING);
		producer.close();
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> waiting.get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(BindingException.class)
			.withMessageContaining("the ZeroMQ socket is closed");
		assertThat(tasks.statistics().getDropped()).isEqualTo(1);
	}

	@Test
	void requestReplyWorksOverIpc() throws Exception {
		ChannelSpec echo = channel(Pattern.REQUEST_REPLY,
				ZmqChannelOptions.of("ipc://switchboard-it-" + UUID.randomUUID()));
		listen(echo, (request) -> WireMessage.of(bytes("Echo: " + text(request))));
		WireMessage reply = this.binder.bindRequester(echo)
			.request(WireMessage.of(bytes("over ipc")), AWAIT)
			.get(AWAIT.toSeconds(), TimeUnit.SECONDS);
		assertThat(text(reply)).isEqualTo("Echo: over ipc");
	}

	@Test
	void producerBoundToTwoEndpointsFeedsWorkersConnectedToEither() {
		String first = FreePorts.endpoint();
		String second = FreePorts.endpoint();
		ChannelSpec tasks = channel(Pattern.PIPELINE, new ZmqChannelOptions(List.of(first, second), true,
				ZmqFraming.ENVELOPE, null, null, null));
		OutboundBinding producer = this.binder.bindOutbound(tasks);
		assertThat(((ZmqBinding) producer).endpoints()).containsExactly(first, second);
		ZmqBinder workers = new ZmqBinder(ZmqBinderOptions.defaults(), (channel) -> ZmqChannelOptions.of(first));
		ZmqBinder otherWorkers = new ZmqBinder(ZmqBinderOptions.defaults(), (channel) -> ZmqChannelOptions.of(second));
		try {
			Queue<String> onFirst = new ConcurrentLinkedQueue<>();
			Queue<String> onSecond = new ConcurrentLinkedQueue<>();
			workers.bindInbound(tasks, new InboundSpec(null, null, 1), (message) -> {
				onFirst.add(text(message));
				return null;
			});
			otherWorkers.bindInbound(tasks, new InboundSpec(null, null, 1), (message) -> {
				onSecond.add(text(message));
				return null;
			});
			for (int i = 0; i < 20; i++) {
				producer.send(WireMessage.of(bytes("task " + i)));
			}
			await().atMost(AWAIT).untilAsserted(() -> assertThat(onFirst.size() + onSecond.size()).isEqualTo(20));
			assertThat(onFirst).as("worker on " + first).isNotEmpty();
			assertThat(onSecond).as("worker on " + second).isNotEmpty();
		}
		finally {
			workers.close();
			otherWorkers.close();
		}
	}

	@Test
	void malformedEnvelopeIsCountedAndTheWorkerKeepsServing() {
		ChannelSpec tasks = channel(Pattern.PIPELINE, ZmqChannelOptions.none());
		ZMQ.Socket push = this.plain.createSocket(SocketType.PUSH);
		push.bind(FreePorts.endpoint());
		configure(tasks, ZmqChannelOptions.of(push.getLastEndpoint()));
		Queue<String> received = new ConcurrentLinkedQueue<>();
		this.binder.bindInbound(tasks, new InboundSpec(null, null, 1), (message) -> {
			received.add(text(message));
			return null;
		});
		push.send("not an envelope");
		push.sendMore(new byte[] { 'S', 9, 0 });
		push.send("wrong version");
		push.sendMore(EnvelopeHeader.encode(WireMessage.of(new byte[0])));
		push.send("good");
		await().atMost(AWAIT).untilAsserted(() -> assertThat(received).containsExactly("good"));
		assertThat(tasks.statistics().getMalformed()).isEqualTo(2);
	}

	@Test
	void rawSubscriberTakesAPayloadPrefixFromAPlainPublisher() {
		ChannelSpec scores = channel(Pattern.PUB_SUB, ZmqChannelOptions.none());
		ZMQ.Socket pub = this.plain.createSocket(SocketType.PUB);
		pub.bind(FreePorts.endpoint());
		configure(scores, raw(pub.getLastEndpoint()));
		Queue<WireMessage> received = new ConcurrentLinkedQueue<>();
		this.binder.bindInbound(scores, new InboundSpec(TopicFilter.of("1"), null, 1), (message) -> {
			received.add(message);
			return null;
		});
		await().atMost(AWAIT).pollInSameThread().pollInterval(Duration.ofMillis(50)).until(() -> {
			pub.send("2-Update! >> #0");
			pub.send("1-Update! >> #1");
			return !received.isEmpty();
		});
		assertThat(received).allSatisfy((message) -> {
			assertThat(text(message)).startsWith("1-Update!");
			assertThat(message.topic()).isNull();
		});
	}

	@Test
	void rawPublisherRefusesAPayloadThatDoesNotStartWithItsTopic() {
		ChannelSpec scores = channel(Pattern.PUB_SUB, raw(FreePorts.endpoint()));
		OutboundBinding publisher = this.binder.bindOutbound(scores);
		publisher.send(WireMessage.of(bytes("1-Update")).withTopic("1"));
		assertThatExceptionOfType(BindingException.class)
			.isThrownBy(() -> publisher.send(WireMessage.of(bytes("1-Update")).withTopic("2")))
			.withMessageContaining(scores.name());
	}

	@Test
	void rawSubscriberRejectsWildcardFilters() {
		ChannelSpec scores = channel(Pattern.PUB_SUB, raw(FreePorts.endpoint()));
		assertThatExceptionOfType(ChannelConfigurationException.class)
			.isThrownBy(() -> this.binder.bindInbound(scores, new InboundSpec(TopicFilter.of("a.*"), null, 1),
					(message) -> null))
			.withMessageContaining(scores.name())
			.withMessageContaining("framing=envelope");
	}

	@Test
	void consumerGroupsAreRejectedNamingAmqp() {
		ChannelSpec scores = channel(Pattern.PUB_SUB, ZmqChannelOptions.of(FreePorts.endpoint()));
		assertThatExceptionOfType(ChannelConfigurationException.class)
			.isThrownBy(() -> this.binder.bindInbound(scores, new InboundSpec(TopicFilter.all(), "billing", 1),
					(message) -> null))
			.withMessageContaining("amqp");
	}

	@Test
	void endpointInUseFailsNamingChannelEndpointAndFix() {
		ZMQ.Socket squatter = this.plain.createSocket(SocketType.PUB);
		squatter.bind(FreePorts.endpoint());
		String taken = squatter.getLastEndpoint();
		ChannelSpec tasks = channel(Pattern.PIPELINE, ZmqChannelOptions.of(taken));
		assertThatExceptionOfType(BindingException.class).isThrownBy(() -> this.binder.bindOutbound(tasks))
			.withMessageContaining(tasks.name())
			.withMessageContaining(taken)
			.withMessageContaining("switchboard.channels." + tasks.name() + ".zmq.endpoints");
	}

	@Test
	void channelWithoutEndpointsFailsNamingTheProperty() {
		ChannelSpec tasks = channel(Pattern.PIPELINE, ZmqChannelOptions.none());
		assertThatExceptionOfType(ChannelConfigurationException.class)
			.isThrownBy(() -> this.binder.bindOutbound(tasks))
			.withMessageContaining("switchboard.channels." + tasks.name() + ".zmq.endpoints");
	}

	@Test
	void wildcardPortReportsTheBoundEndpoint() {
		ChannelSpec tasks = channel(Pattern.PIPELINE, ZmqChannelOptions.of("tcp://127.0.0.1:*"));
		ZmqBinding producer = (ZmqBinding) this.binder.bindOutbound(tasks);
		assertThat(producer.endpoints()).singleElement().asString().matches("tcp://127\\.0\\.0\\.1:\\d+")
			.doesNotEndWith(":*");
	}

	@Test
	void zeroMqStartsNoThreadBeforeTheFirstBindAndLeavesNoneAfterClose() {
		List<String> before = switchboardThreads("");
		ZmqBinder idle = new ZmqBinder(ZmqBinderOptions.defaults(), this::resolve);
		assertThat(before).containsAll(switchboardThreads(""));
		idle.close();
		ChannelSpec tasks = channel(Pattern.PIPELINE, ZmqChannelOptions.of(FreePorts.endpoint()));
		ZmqBinder busy = new ZmqBinder(ZmqBinderOptions.defaults(), this::resolve);
		busy.bindOutbound(tasks);
		busy.bindInbound(tasks, new InboundSpec(null, null, 2), (message) -> null);
		assertThat(switchboardThreads(tasks.name() + "-")).isNotEmpty();
		busy.close();
		await().atMost(AWAIT).until(() -> switchboardThreads(tasks.name() + "-").isEmpty());
	}

	private ChannelSpec channel(Pattern pattern, ZmqChannelOptions channelOptions) {
		ChannelSpec channel = ChannelSpec.of("zmq-it-" + CHANNELS.incrementAndGet(), pattern, ZmqBinder.TRANSPORT);
		configure(channel, channelOptions);
		return channel;
	}

	private void configure(ChannelSpec channel, ZmqChannelOptions channelOptions) {
		this.options.put(channel.name(), channelOptions);
	}

	private ZmqChannelOptions resolve(String channel) {
		return this.options.getOrDefault(channel, ZmqChannelOptions.none());
	}

	private InboundBinding listen(ChannelSpec channel, InboundHandler handler) {
		return this.binder.bindInbound(channel, new InboundSpec(null, null, 1), handler);
	}

	/**
	 * A plain JeroMQ socket connected to {@code endpoint}, returned once its handshake is
	 * done. Plain JeroMQ has the connect defect {@link IoThreadNudge} works around for the
	 * binder's own sockets, so this waits for the handshake and nudges while it stalls.
	 */
	private ZMQ.Socket plainSocket(SocketType type, String endpoint) {
		ZMQ.Socket socket = this.plain.createSocket(type);
		socket.setReceiveTimeOut((int) AWAIT.toMillis());
		String monitorAddress = "inproc://plain-peer-" + CHANNELS.incrementAndGet();
		socket.monitor(monitorAddress, ZMQ.EVENT_HANDSHAKE_PROTOCOL);
		ZMQ.Socket monitor = this.plain.createSocket(SocketType.PAIR);
		monitor.setReceiveTimeOut((int) TimeUnit.NANOSECONDS.toMillis(PeerMonitor.STALL_NANOS));
		monitor.connect(monitorAddress);
		socket.connect(endpoint);
		try {
			for (int attempt = 0; attempt < 50 && ZMQ.Event.recv(monitor) == null; attempt++) {
				IoThreadNudge.nudge(this.plain, 1);
			}
		}
		finally {
			socket.monitor(null, 0);
			this.plain.destroySocket(monitor);
		}
		return socket;
	}

	private static ZmqBinderOptions withLinger(Duration linger) {
		ZmqBinderOptions defaults = ZmqBinderOptions.defaults();
		return new ZmqBinderOptions(defaults.ioThreads(), linger, defaults.sendHighWaterMark(),
				defaults.receiveHighWaterMark(), defaults.maxMessageSize(), defaults.connectWait(),
				defaults.reconnectInterval());
	}

	/**
	 * Run {@code sends} with the current thread interrupted, check that the interrupt is
	 * still set afterwards (nothing on the way swallowed it), and clear it.
	 */
	private static void onAnInterruptedThread(Runnable sends) {
		Thread.currentThread().interrupt();
		try {
			sends.run();
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
	}

	/**
	 * A bound producer's settings with room for one queued message: with no peer connected
	 * the socket refuses it and holds it, so the next send has to wait.
	 */
	private static ZmqChannelOptions roomForOne(String endpoint) {
		return new ZmqChannelOptions(List.of(endpoint), true, ZmqFraming.ENVELOPE, 1, null, null);
	}

	private static ZmqChannelOptions raw(String endpoint) {
		return ZmqChannelOptions.of(endpoint).withFraming(ZmqFraming.RAW);
	}

	private static String endpoint(Object binding) {
		return ((ZmqBinding) binding).endpoints().get(0);
	}

	private static int port(String endpoint) {
		return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
	}

	private static void writeRaw(int port, byte[] bytes) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			OutputStream out = socket.getOutputStream();
			out.write(bytes);
			out.flush();
			socket.shutdownOutput();
			socket.getInputStream().readAllBytes();
		}
	}

	private static List<String> switchboardThreads(String suffix) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.map(Thread::getName)
			.filter((name) -> name.startsWith("switchboard-zmq-" + suffix))
			.toList();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(WireMessage message) {
		return new String(message.payload(), StandardCharsets.UTF_8);
	}

}
