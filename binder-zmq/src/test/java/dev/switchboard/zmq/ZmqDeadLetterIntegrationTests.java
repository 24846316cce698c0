package dev.switchboard.zmq;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.switchboard.binder.DeadLetter;
import dev.switchboard.binder.DeadLetterException;
import dev.switchboard.binder.DeadLetterHandler;
import dev.switchboard.binder.InboundSpec;
import dev.switchboard.binder.LoggingDeadLetterHandler;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.ChannelStatistics;
import dev.switchboard.core.Pattern;
import dev.switchboard.core.RetryPolicy;
import dev.switchboard.core.WireMessage;
import dev.switchboard.listener.MessageDispatcher;
import dev.switchboard.listener.MessageListenerAdapters;
import dev.switchboard.support.converter.PayloadConverter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ZeroMQ dead-letter path: the handler the binder is given, frames that do not parse,
 * and a handler that throws.
 */
class ZmqDeadLetterIntegrationTests {

	private static final Duration AWAIT = Duration.ofSeconds(10);

	private static final AtomicInteger CHANNELS = new AtomicInteger();

	private final Queue<DeadLetter> deadLetters = new ConcurrentLinkedQueue<>();

	private final ZContext plain = new ZContext();

	private ZmqBinder binder = binder(this.deadLetters::add);

	private String endpoint = "";

	@AfterEach
	void close() {
		this.binder.close();
		this.plain.close();
	}

	@Test
	void framesThatDoNotParseBecomeUndecodableDeadLettersCarryingTheFrames() {
		ChannelSpec tasks = ChannelSpec.of("zmq-dl-" + CHANNELS.incrementAndGet(), Pattern.PIPELINE, "zmq");
		ZMQ.Socket push = plainPush();
		Queue<String> received = new ConcurrentLinkedQueue<>();
		this.binder.bindInbound(tasks, new InboundSpec(null, null, 1), (message) -> {
			received.add(text(message));
			return null;
		});
		push.sendMore("one");
		push.sendMore("two");
		push.send("three");
		push.sendMore(EnvelopeHeader.encode(WireMessage.of(new byte[0])));
		push.send("good");
		await().atMost(AWAIT).untilAsserted(() -> assertThat(received).containsExactly("good"));
		await().atMost(AWAIT).until(() -> this.deadLetters.size() == 1);
		DeadLetter deadLetter = this.deadLetters.peek();
		assertThat(deadLetter.reason()).isEqualTo(DeadLetter.Reason.UNDECODABLE);
		assertThat(deadLetter.attempts()).isZero();
		assertThat(deadLetter.failure()).isInstanceOf(MalformedMessageException.class)
			.hasMessageContaining("got 3 frame(s), expected 2");
		assertThat(deadLetter.message().headers()).containsEntry(DeadLetters.FRAMES_HEADER, "3");
		assertThat(frames(deadLetter.message().payload())).containsExactly("one", "two", "three");
		assertThat(tasks.statistics().getMalformed()).isOne();
		assertThat(tasks.statistics().getDeadLettered()).isOne();
	}

	@Test
	void handlerThatThrowsLosesThatDeadLetterButNotTheWorker() {
		this.binder.close();
		AtomicInteger calls = new AtomicInteger();
		this.binder = binder((deadLetter) -> {
			calls.incrementAndGet();
			throw new IllegalStateException("dead-letter store down");
		});
		ChannelSpec tasks = ChannelSpec.of("zmq-dl-" + CHANNELS.incrementAndGet(), Pattern.PIPELINE, "zmq");
		ZMQ.Socket push = plainPush();
		Queue<String> received = new ConcurrentLinkedQueue<>();
		this.binder.bindInbound(tasks, new InboundSpec(null, null, 1), (message) -> {
			String text = text(message);
			if (text.startsWith("poison")) {
				throw new DeadLetterException(new DeadLetter(tasks.name(), message,
						DeadLetter.Reason.LISTENER_FAILED, 1, new IllegalArgumentException(text)));
			}
			received.add(text);
			return null;
		});
		for (String text : List.of("poison 1", "ok 1", "poison 2", "ok 2")) {
			push.sendMore(EnvelopeHeader.encode(WireMessage.of(new byte[0])));
			push.send(text);
		}
		await().atMost(AWAIT).untilAsserted(() -> assertThat(received).containsExactly("ok 1", "ok 2"));
		assertThat(calls).hasValue(2);
	}

	@Test
	void defaultHandlerLeavesUnparseableFramesToTheRateLimitedMalformedLog() {
		this.binder.close();
		this.binder = new ZmqBinder(ZmqBinderOptions.defaults(), (channel) -> ZmqChannelOptions.of(this.endpoint));
		ChannelSpec tasks = ChannelSpec.of("zmq-dl-" + CHANNELS.incrementAndGet(), Pattern.PIPELINE, "zmq");
		ZMQ.Socket push = plainPush();
		Queue<String> received = new ConcurrentLinkedQueue<>();
		this.binder.bindInbound(tasks, new InboundSpec(null, null, 1), (message) -> {
			received.add(text(message));
			return null;
		});
		for (int i = 0; i < 5; i++) {
			push.send("garbage " + i);
		}
		push.sendMore(EnvelopeHeader.encode(WireMessage.of(new byte[0])));
		push.send("good");
		await().atMost(AWAIT).untilAsserted(() -> assertThat(received).containsExactly("good"));
		assertThat(tasks.statistics().getMalformed()).isEqualTo(5);
		assertThat(tasks.statistics().getDeadLettered()).isEqualTo(5);
	}

	@Test
	void withNoHandlerGivenEachDeadLetterIsLoggedOnceAndCounted() {
		this.binder.close();
		this.binder = new ZmqBinder(ZmqBinderOptions.defaults(), (channel) -> ZmqChannelOptions.of(this.endpoint));
		ChannelSpec tasks = new ChannelSpec("zmq-dl-" + CHANNELS.incrementAndGet(), Pattern.PIPELINE, "zmq", 1,
				ChannelSpec.DEFAULT_REQUEST_TIMEOUT,
				new RetryPolicy(3, Duration.ofMillis(1), 1.0, Duration.ofMillis(1), List.of()), new ChannelStatistics());
		ZMQ.Socket push = plainPush();
		Queue<String> received = new ConcurrentLinkedQueue<>();
		PayloadConverter converter = PayloadConverter.withJsonMapper(JsonMapper.builder().build());
		MessageDispatcher dispatcher = new MessageDispatcher(tasks,
				MessageListenerAdapters.consuming(converter, String.class, (text) -> {
					if (text.equals("poison")) {
						throw new IllegalStateException("cannot take " + text);
					}
					received.add(text);
				}), converter, null);
		List<LogRecord> warnings = new CopyOnWriteArrayList<>();
		Handler recorder = new Handler() {

			@Override
			public void publish(LogRecord record) {
				if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
					warnings.add(record);
				}
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}

		};
		Logger switchboard = Logger.getLogger("dev.switchboard");
		switchboard.addHandler(recorder);
		try {
			this.binder.bindInbound(tasks, new InboundSpec(null, null, 1), dispatcher);
			for (String text : List.of("poison", "ok")) {
				push.sendMore(EnvelopeHeader.encode(WireMessage.of(new byte[0])));
				push.send(text);
			}
			await().atMost(AWAIT).untilAsserted(() -> assertThat(received).containsExactly("ok"));
		}
		finally {
			switchboard.removeHandler(recorder);
		}
		assertThat(tasks.statistics().getDeadLettered()).isOne();
		assertThat(tasks.statistics().getRetried()).isEqualTo(2);
		assertThat(warnings).as("one warning for one dead letter, none for its retries").singleElement()
			.satisfies((record) -> {
				assertThat(record.getLoggerName()).isEqualTo(LoggingDeadLetterHandler.class.getName());
				assertThat(record.getMessage()).contains(tasks.name()).contains("failed after 3 attempts");
				assertThat(record.getThrown()).isInstanceOf(IllegalStateException.class).hasMessage("cannot take poison");
			});
	}

	private ZmqBinder binder(DeadLetterHandler handler) {
		return new ZmqBinder(ZmqBinderOptions.defaults(), (channel) -> ZmqChannelOptions.of(this.endpoint), List.of(),
				handler);
	}

	private ZMQ.Socket plainPush() {
		ZMQ.Socket push = this.plain.createSocket(SocketType.PUSH);
		push.bind("tcp://127.0.0.1:*");
		this.endpoint = push.getLastEndpoint();
		return push;
	}

	private static List<String> frames(byte[] payload) {
		ByteBuffer in = ByteBuffer.wrap(payload);
		List<String> frames = new ArrayList<>();
		while (in.hasRemaining()) {
			byte[] frame = new byte[in.getInt()];
			in.get(frame);
			frames.add(new String(frame, StandardCharsets.UTF_8));
		}
		return frames;
	}

	private static String text(WireMessage message) {
		return new String(message.payload(), StandardCharsets.UTF_8);
	}

}
