package dev.switchboard.zmq;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.switchboard.binder.Binding;
import dev.switchboard.binder.InboundBinding;
import dev.switchboard.binder.InboundHandler;
import dev.switchboard.binder.InboundSpec;
import dev.switchboard.binder.OutboundBinding;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.Pattern;
import dev.switchboard.core.WireMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZFrame;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Closing listeners and binders: in-flight handlers finish and their replies leave whole,
 * a handler that outlives the shutdown timeout sends nothing, and a thousand start/stop
 * cycles, rotating through all four patterns, leave no thread or file descriptor behind.
 */
class ZmqShutdownIntegrationTests {

	private static final Duration AWAIT = Duration.ofSeconds(10);

	private static final AtomicInteger CHANNELS = new AtomicInteger();

	private final Map<String, ZmqChannelOptions> options = new ConcurrentHashMap<>();

	private final ZContext plain = new ZContext();

	@AfterEach
	void close() {
		this.plain.close();
	}

	@Test
	void closingAListenerLetsInFlightHandlersFinishAndSendsTheirRepliesWhole() throws Exception {
		ZMQ.Socket dealer = plainDealer();
		ChannelSpec echo = channel(ZmqChannelOptions.of(dealer.getLastEndpoint()).withBind(false));
		CountDownLatch inside = new CountDownLatch(4);
		AtomicInteger finished = new AtomicInteger();
		ZmqBinder binder = binder(ZmqBinderOptions.defaults());
		try {
			InboundBinding listener = binder.bindInbound(echo, new InboundSpec(null, null, 4), (request) -> {
				inside.countDown();
				sleep(Duration.ofMillis(300));
				finished.incrementAndGet();
				return WireMessage.of(bytes("reply to " + text(request))).withCorrelationId(request.correlationId());
			});
			for (int i = 0; i < 8; i++) {
				request(dealer, "r" + i);
			}
			assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
			long start = System.nanoTime();
			listener.close();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
			List<ZMsg> replies = drain(dealer);
			assertThat(replies).hasSize(finished.get()).hasSizeGreaterThanOrEqualTo(4);
			for (ZMsg reply : replies) {
				List<ZFrame> frames = new ArrayList<>(reply);
				assertThat(frames).as("correlation, delimiter, header, payload").hasSize(4);
				WireMessage message = EnvelopeHeader.decode(frames.get(2).getData(), frames.get(3).getData(), null);
				assertThat(text(message)).isEqualTo("reply to " + frames.get(0).getString(StandardCharsets.UTF_8));
			}
			assertThat(echo.statistics().getDropped()).as("requests queued but not started")
				.isEqualTo(8 - finished.get());
		}
		finally {
			binder.close();
		}
	}

	@Test
	void handlerThatOutlivesTheShutdownTimeoutSendsNothing() throws Exception {
		ZMQ.Socket dealer = plainDealer();
		ChannelSpec echo = channel(ZmqChannelOptions.of(dealer.getLastEndpoint()).withBind(false));
		CountDownLatch inside = new CountDownLatch(1);
		ZmqBinder binder = binder(ZmqBinderOptions.defaults().withShutdownTimeout(Duration.ofMillis(200)));
		try {
			binder.bindInbound(echo, new InboundSpec(null, null, 1), (request) -> {
				inside.countDown();
				sleep(Duration.ofMillis(1500));
				return WireMessage.of(bytes("too late")).withCorrelationId(request.correlationId());
			});
			request(dealer, "slow");
			assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
			long start = System.nanoTime();
			binder.close();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1400));
			await().atMost(AWAIT).until(() -> echo.statistics().getDropped() == 1);
			assertThat(drain(dealer)).isEmpty();
		}
		finally {
			binder.close();
		}
	}

	@Test
	void aThousandStartStopCyclesOfAllFourPatternsLeakNoThreadAndNoFileDescriptorAndNeverHang() throws Exception {
		for (int i = 0; i < 8; i++) {
			cycle(i);
		}
		int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
		int descriptorsBefore = openFileDescriptors();
		int cycles = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			int done = 0;
			while (done < 1000 && System.nanoTime() < deadline) {
				cycle(done);
				done++;
			}
			return done;
		});
		assertThat(cycles).as("cycles within 60 s").isEqualTo(1000);
		await().atMost(AWAIT).untilAsserted(() -> {
			assertThat(switchboardThreads()).isEmpty();
			assertThat(ManagementFactory.getThreadMXBean().getThreadCount()).isLessThanOrEqualTo(threadsBefore + 2);
			assertThat(openFileDescriptors()).isLessThanOrEqualTo(descriptorsBefore + 8);
		});
	}

	/**
	 * A binder with both ends of one channel, the binding side on a free port, one message
	 * carried, then closed. The pattern rotates with the cycle: request-reply (ROUTER and
	 * DEALER), pub-sub (PUB and SUB), pipeline (PUSH and PULL), pair (PAIR and PAIR).
	 * @param cycle the cycle number
	 */
	private void cycle(int cycle) throws InterruptedException {
		ZmqBinder binder = binder(ZmqBinderOptions.defaults());
		try {
			switch (cycle % 4) {
				case 0 -> requestReplyCycle(binder);
				case 1 -> pubSubCycle(binder);
				case 2 -> pipelineCycle(binder);
				default -> pairCycle(binder);
			}
		}
		finally {
			binder.close();
			this.options.clear();
		}
	}

	private void requestReplyCycle(ZmqBinder binder) {
		ChannelSpec listen = channel(Pattern.REQUEST_REPLY, ZmqChannelOptions.of("tcp://127.0.0.1:*"));
		InboundBinding listener = binder.bindInbound(listen, new InboundSpec(null, null, 1),
				(request) -> WireMessage.of(request.payload()).withCorrelationId(request.correlationId()));
		ChannelSpec call = channel(Pattern.REQUEST_REPLY, ZmqChannelOptions.of(endpoint(listener)));
		WireMessage reply = binder.bindRequester(call).request(WireMessage.of(bytes("ping")), AWAIT).join();
		assertThat(text(reply)).isEqualTo("ping");
	}

	private void pubSubCycle(ZmqBinder binder) {
		ChannelSpec publish = channel(Pattern.PUB_SUB, ZmqChannelOptions.of("tcp://127.0.0.1:*"));
		OutboundBinding publisher = binder.bindOutbound(publish);
		ChannelSpec subscribe = channel(Pattern.PUB_SUB, ZmqChannelOptions.of(endpoint(publisher)));
		CountDownLatch received = new CountDownLatch(1);
		binder.bindInbound(subscribe, new InboundSpec(null, null, 1), countDown(received));
		await().atMost(AWAIT).pollInterval(Duration.ofMillis(5)).until(() -> {
			publisher.send(WireMessage.of(bytes("score")).withTopic("cycle"));
			return received.await(5, TimeUnit.MILLISECONDS);
		});
	}

	private void pipelineCycle(ZmqBinder binder) throws InterruptedException {
		ChannelSpec produce = channel(Pattern.PIPELINE, ZmqChannelOptions.of("tcp://127.0.0.1:*"));
		OutboundBinding producer = binder.bindOutbound(produce);
		ChannelSpec work = channel(Pattern.PIPELINE, ZmqChannelOptions.of(endpoint(producer)));
		CountDownLatch received = new CountDownLatch(1);
		binder.bindInbound(work, new InboundSpec(null, null, 1), countDown(received));
		producer.send(WireMessage.of(bytes("task")));
		assertThat(received.await(10, TimeUnit.SECONDS)).as("the task reached the worker").isTrue();
	}

	private void pairCycle(ZmqBinder binder) throws InterruptedException {
		ChannelSpec bound = channel(Pattern.PAIR, ZmqChannelOptions.of("tcp://127.0.0.1:*").withBind(true));
		CountDownLatch received = new CountDownLatch(1);
		InboundBinding listener = binder.bindInbound(bound, new InboundSpec(null, null, 1), countDown(received));
		ChannelSpec connected = channel(Pattern.PAIR, ZmqChannelOptions.of(endpoint(listener)));
		binder.bindOutbound(connected).send(WireMessage.of(bytes("hello")));
		assertThat(received.await(10, TimeUnit.SECONDS)).as("the message reached the peer").isTrue();
	}

	private static InboundHandler countDown(CountDownLatch received) {
		return (message) -> {
			received.countDown();
			return null;
		};
	}

	private static String endpoint(Binding binding) {
		return ((ZmqBinding) binding).endpoints().get(0);
	}

	private ChannelSpec channel(ZmqChannelOptions channelOptions) {
		return channel(Pattern.REQUEST_REPLY, channelOptions);
	}

	private ChannelSpec channel(Pattern pattern, ZmqChannelOptions channelOptions) {
		ChannelSpec channel = ChannelSpec.of("zmq-close-" + CHANNELS.incrementAndGet(), pattern, ZmqBinder.TRANSPORT);
		this.options.put(channel.name(), channelOptions);
		return channel;
	}

	private ZmqBinder binder(ZmqBinderOptions binderOptions) {
		return new ZmqBinder(binderOptions, (channel) -> this.options.getOrDefault(channel, ZmqChannelOptions.none()));
	}

	private ZMQ.Socket plainDealer() {
		ZMQ.Socket dealer = this.plain.createSocket(SocketType.DEALER);
		dealer.bind("tcp://127.0.0.1:*");
		return dealer;
	}

	private static void request(ZMQ.Socket dealer, String correlation) {
		dealer.sendMore(correlation);
		dealer.sendMore(new byte[0]);
		dealer.sendMore(EnvelopeHeader.encode(WireMessage.of(new byte[0]).withCorrelationId(correlation)));
		dealer.send(correlation);
	}

	/**
	 * Everything the socket receives until it has been quiet for a second.
	 */
	private static List<ZMsg> drain(ZMQ.Socket socket) {
		socket.setReceiveTimeOut(1000);
		List<ZMsg> messages = new ArrayList<>();
		for (ZMsg message = ZMsg.recvMsg(socket); message != null; message = ZMsg.recvMsg(socket)) {
			messages.add(message);
		}
		return messages;
	}

	private static List<String> switchboardThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.map(Thread::getName)
			.filter((name) -> name.startsWith("switchboard-zmq-"))
			.toList();
	}

	private static int openFileDescriptors() {
		String[] descriptors = new File("/proc/self/fd").list();
		return (descriptors != null) ? descriptors.length : 0;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(WireMessage message) {
		return new String(message.payload(), StandardCharsets.UTF_8);
	}

}
