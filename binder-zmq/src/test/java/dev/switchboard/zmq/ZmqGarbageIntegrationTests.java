package dev.switchboard.zmq;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import dev.switchboard.binder.InboundSpec;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.Pattern;
import dev.switchboard.core.SwitchboardHeaders;
import dev.switchboard.core.WireMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Live sockets fed random garbage frames, then valid messages: the garbage is counted as
 * malformed, nothing else happens to it, and the valid messages are served.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ZmqGarbageIntegrationTests {

	private static final Duration AWAIT = Duration.ofSeconds(10);

	private static final int GARBAGE = 500;

	private final long seed = Long.getLong("switchboard.fuzz.seed", System.nanoTime());

	private final SplittableRandom random = new SplittableRandom(this.seed);

	private final ZContext plain = new ZContext();

	private final ZmqBinder binder = new ZmqBinder(ZmqBinderOptions.defaults(), this::resolve);

	private String endpoint = "";

	private @Nullable Boolean bind;

	@AfterEach
	void close() {
		this.binder.close();
		this.plain.close();
	}

	@Test
	void workerCountsGarbageAsMalformedAndServesTheValidMessagesAfterIt() {
		ZMQ.Socket push = this.plain.createSocket(SocketType.PUSH);
		push.bind("tcp://127.0.0.1:*");
		this.endpoint = push.getLastEndpoint();
		ChannelSpec tasks = ChannelSpec.of("zmq-garbage-" + this.seed, Pattern.PIPELINE, ZmqBinder.TRANSPORT);
		Queue<String> received = new ConcurrentLinkedQueue<>();
		this.binder.bindInbound(tasks, new InboundSpec(null, null, 2), (message) -> {
			received.add(new String(message.payload(), StandardCharsets.UTF_8));
			return null;
		});
		for (int i = 0; i < GARBAGE; i++) {
			garbage().send(push);
		}
		for (int i = 0; i < 10; i++) {
			push.sendMore(EnvelopeHeader.encode(WireMessage.of(new byte[0])));
			push.send("valid " + i);
		}
		await().atMost(AWAIT).untilAsserted(() -> assertThat(received).as("seed " + this.seed).hasSize(10));
		assertThat(tasks.statistics().getMalformed()).as("seed " + this.seed).isEqualTo(GARBAGE);
		assertThat(tasks.statistics().getDeadLettered()).as("seed " + this.seed).isEqualTo(GARBAGE);
	}

	@Test
	void requestListenerCountsGarbageAsMalformedAndAnswersTheValidRequestAfterIt() {
		ChannelSpec echo = ChannelSpec.of("zmq-garbage-rr-" + this.seed, Pattern.REQUEST_REPLY, ZmqBinder.TRANSPORT);
		ZMQ.Socket dealer = this.plain.createSocket(SocketType.DEALER);
		dealer.setReceiveTimeOut((int) AWAIT.toMillis());
		dealer.bind("tcp://127.0.0.1:*");
		this.endpoint = dealer.getLastEndpoint();
		this.bind = false;
		this.binder.bindInbound(echo, new InboundSpec(null, null, 1),
				(request) -> WireMessage.of(request.payload()).withCorrelationId(request.correlationId()));
		for (int i = 0; i < GARBAGE; i++) {
			garbage().send(dealer);
		}
		dealer.sendMore("valid");
		dealer.sendMore(new byte[0]);
		dealer.sendMore(EnvelopeHeader.encode(WireMessage.of(new byte[0])));
		dealer.send("still served");
		ZMsg reply = ZMsg.recvMsg(dealer);
		assertThat(reply).as("seed " + this.seed).isNotNull();
		assertThat(reply.getLast().getString(StandardCharsets.UTF_8)).isEqualTo("still served");
		await().atMost(AWAIT).untilAsserted(() -> assertThat(echo.statistics().getMalformed())
			.as("seed " + this.seed).isEqualTo(GARBAGE));
	}

	@Test
	void requestWithABadEnvelopeGetsAnErrorReplyNamingMalformedMessageException() throws Exception {
		ChannelSpec echo = ChannelSpec.of("zmq-garbage-error-" + this.seed, Pattern.REQUEST_REPLY, ZmqBinder.TRANSPORT);
		ZMQ.Socket dealer = this.plain.createSocket(SocketType.DEALER);
		dealer.setReceiveTimeOut((int) AWAIT.toMillis());
		dealer.bind("tcp://127.0.0.1:*");
		this.endpoint = dealer.getLastEndpoint();
		this.bind = false;
		this.binder.bindInbound(echo, new InboundSpec(null, null, 1),
				(request) -> WireMessage.of(request.payload()).withCorrelationId(request.correlationId()));
		dealer.sendMore("c-1");
		dealer.sendMore(new byte[0]);
		dealer.sendMore(new byte[] { EnvelopeHeader.MAGIC, 0x7f, 0 });
		dealer.send("bad header");
		ZMsg reply = ZMsg.recvMsg(dealer);
		assertThat(reply).isNotNull();
		assertThat(reply.popString()).isEqualTo("c-1");
		assertThat(reply.pop().size()).isZero();
		WireMessage error = EnvelopeHeader.decode(reply.pop().getData(), reply.pop().getData(), null);
		assertThat(error.isError()).isTrue();
		assertThat(error.headers()).containsEntry(SwitchboardHeaders.ERROR_TYPE,
				MalformedMessageException.class.getName());
		assertThat(echo.statistics().getMalformed()).isOne();
	}

	/**
	 * One to four non-empty frames of random bytes that never start like an envelope header
	 * and hold no empty delimiter, so no framing can read them.
	 */
	private ZMsg garbage() {
		ZMsg message = new ZMsg();
		for (int frames = 1 + this.random.nextInt(4); frames > 0; frames--) {
			byte[] frame = new byte[1 + this.random.nextInt(64)];
			for (int i = 0; i < frame.length; i++) {
				frame[i] = (byte) this.random.nextInt(256);
			}
			if (frame[0] == EnvelopeHeader.MAGIC) {
				frame[0] = 0;
			}
			message.add(frame);
		}
		return message;
	}

	private ZmqChannelOptions resolve(String channel) {
		return ZmqChannelOptions.of(this.endpoint).withBind(this.bind);
	}

}
