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

import dev.switchboard.binder.InboundBinding;
import dev.switchboard.binder.InboundSpec;
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
 * cycles leave no thread or file descriptor behind.
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
	void aThousandStartStopCyclesLeakNoThreadAndNoFileDescriptorAndNeverHang() {
		for (int i = 0; i < 5; i++) {
			cycle();
		}
		int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
		int descriptorsBefore = openFileDescriptors();
		int cycles = assertTimeoutPreemptively(Duration.ofMinutes(4), () -> {
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
			int done = 0;
			while (done < 1000 && System.nanoTime() < deadline) {
				cycle();
				done++;
			}
			return done;
		});
		assertThat(cycles).isEqualTo(1000);
		await().atMost(AWAIT).untilAsserted(() -> {
			assertThat(switchboardThreads()).isEmpty();
			assertThat(ManagementFactory.getThreadMXBean().getThreadCount()).isLessThanOrEqualTo(threadsBefore + 2);
			assertThat(openFileDescriptors()).isLessThanOrEqualTo(descriptorsBefore + 8);
		});
	}

	/**
	 * A binder with a listener bound on a free port and a caller connected to it, one
	 * request answered, then closed.
	 */
	private void cycle() {
		ChannelSpec listen = channel(ZmqChannelOptions.of("tcp://127.0.0.1:*"));
		ChannelSpec call = channel(ZmqChannelOptions.none());
		ZmqBinder binder = binder(ZmqBinderOptions.defaults());
		try {
			InboundBinding listener = binder.bindInbound(listen, new InboundSpec(null, null, 1),
					(request) -> WireMessage.of(request.payload()).withCorrelationId(request.correlationId()));
			this.options.put(call.name(), ZmqChannelOptions.of(((ZmqBinding) listener).endpoints().get(0)));
			WireMessage reply = binder.bindRequester(call).request(WireMessage.of(bytes("ping")), AWAIT).join();
			assertThat(text(reply)).isEqualTo("ping");
		}
		finally {
			binder.close();
			this.options.remove(listen.name());
			this.options.remove(call.name());
		}
	}

	private ChannelSpec channel(ZmqChannelOptions channelOptions) {
		ChannelSpec channel = ChannelSpec.of("zmq-close-" + CHANNELS.incrementAndGet(), Pattern.REQUEST_REPLY,
				ZmqBinder.TRANSPORT);
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
