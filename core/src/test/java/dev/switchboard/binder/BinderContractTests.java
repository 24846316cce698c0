package dev.switchboard.binder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import dev.switchboard.PayloadConversionException;
import dev.switchboard.RemoteInvocationException;
import dev.switchboard.RequestTimeoutException;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.ChannelStatistics;
import dev.switchboard.core.Pattern;
import dev.switchboard.core.RetryPolicy;
import dev.switchboard.core.SwitchboardHeaders;
import dev.switchboard.core.SwitchboardTemplate;
import dev.switchboard.core.WireMessage;
import dev.switchboard.listener.MessageListenerAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The behaviour every binder must have, so that an application behaves the same whichever
 * transport carries a channel. A binder module extends this class in a
 * {@code ...ContractIntegrationTests} and runs it, unchanged, against its real transport.
 *
 * <p>The tests go through the public runtime (template, listener registry, conversion) on
 * top of the binder, as an application does. Each test uses fresh channel names. Where the
 * transport may need a moment to connect (a ZeroMQ subscriber joining a publisher), the test
 * first exchanges probe messages until the path is up, then counts the real messages.
 */
public abstract class BinderContractTests {

	private static final Duration AWAIT = Duration.ofSeconds(20);

	private static final AtomicInteger CHANNEL_COUNTER = new AtomicInteger();

	/**
	 * The default policy's three attempts, with waits short enough for a test.
	 */
	private static final RetryPolicy FAST_RETRY = new RetryPolicy(3, Duration.ofMillis(10), 2.0,
			Duration.ofMillis(100), List.of());

	private final String runId = Long.toHexString(System.nanoTime() & 0xffffffL);

	private final List<ChannelSpec> channels = new ArrayList<>();

	private final List<ContractApplication> applications = new ArrayList<>();

	private Binder firstBinder;

	/**
	 * Create the binder under test, as one application would have it. Called once or more
	 * per test; the suite closes every binder it gets.
	 * @return a new binder
	 */
	protected abstract Binder createBinder();

	/**
	 * Create a binder for a second application that is the other peer of a pair channel:
	 * whatever side {@link #createBinder()} takes on {@code pairChannel} (binding or
	 * connecting, queue a or b), this binder takes the opposite one.
	 * @param pairChannel the pair channel
	 * @return a new binder
	 */
	protected abstract Binder createPeerBinder(ChannelSpec pairChannel);

	/**
	 * Every dead letter the binder's dead-letter path has kept so far for a channel, each as
	 * {@link DeadLetter#toWireMessage()} renders it: read from the channel's dead-letter
	 * queue on a broker, or from a recording {@link DeadLetterHandler} the binder was
	 * created with on a transport without one. Called repeatedly while a test waits.
	 * @param channel the channel
	 * @return the dead letters, oldest first
	 */
	protected abstract List<WireMessage> deadLetters(ChannelSpec channel);

	/**
	 * Give a new channel whatever transport settings it needs (a free endpoint for ZeroMQ,
	 * for example). Called once per channel, before any binder binds it.
	 * @param channel the channel
	 */
	protected abstract void configureChannel(ChannelSpec channel);

	@BeforeEach
	void createFirstBinder() {
		this.firstBinder = createBinder();
	}

	@AfterEach
	void closeApplications() {
		Collections.reverse(this.applications);
		this.applications.forEach(ContractApplication::close);
		if (this.applications.isEmpty()) {
			this.firstBinder.close();
		}
	}

	// request-reply

	@Test
	void requestGetsTheListenersReply() {
		ChannelSpec echo = channel(Pattern.REQUEST_REPLY);
		ContractApplication app = application();
		app.reply(echo, String.class, (text) -> "Echo: " + text);
		assertThat(app.template().request(echo.name(), "hello", String.class)).isEqualTo("Echo: hello");
	}

	@Test
	void requestAsyncCompletesWithTheReply() throws Exception {
		ChannelSpec echo = channel(Pattern.REQUEST_REPLY);
		ContractApplication app = application();
		app.reply(echo, String.class, String::toUpperCase);
		CompletableFuture<String> reply = app.template().requestAsync(echo.name(), "async", String.class);
		assertThat(reply.get(AWAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("ASYNC");
	}

	@Test
	void requestWithoutListenerThrowsTimeoutNamingTheChannel() {
		ChannelSpec nobody = channel(Pattern.REQUEST_REPLY);
		ContractApplication app = application();
		assertThatExceptionOfType(RequestTimeoutException.class)
			.isThrownBy(() -> app.template().request(nobody.name(), "anyone?", String.class, Duration.ofMillis(300)))
			.satisfies((ex) -> assertThat(ex.getChannel()).isEqualTo(nobody.name()))
			.withMessageContaining(nobody.name());
		await().atMost(AWAIT).untilAsserted(() -> assertThat(nobody.statistics().getTimedOut()).isEqualTo(1));
	}

	@Test
	void requestAsyncWithoutListenerCompletesExceptionallyWithTimeout() {
		ChannelSpec nobody = channel(Pattern.REQUEST_REPLY);
		ContractApplication app = application();
		CompletableFuture<String> reply = app.template()
			.requestAsync(nobody.name(), "anyone?", String.class, Duration.ofMillis(300));
		assertThat(reply).failsWithin(AWAIT)
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(RequestTimeoutException.class);
	}

	@Test
	void listenerExceptionReachesTheCallerWithItsTypeAndMessage() {
		ChannelSpec failing = channel(Pattern.REQUEST_REPLY);
		ContractApplication app = application();
		app.reply(failing, String.class, (text) -> {
			throw new IllegalStateException("cannot handle " + text);
		});
		assertThatExceptionOfType(RemoteInvocationException.class)
			.isThrownBy(() -> app.template().request(failing.name(), "this", String.class))
			.satisfies((ex) -> {
				assertThat(ex.getRemoteType()).isEqualTo(IllegalStateException.class.getName());
				assertThat(ex.getRemoteMessage()).isEqualTo("cannot handle this");
				assertThat(ex.getChannel()).isEqualTo(failing.name());
			});
		assertThatExceptionOfType(RemoteInvocationException.class)
			.as("the listener keeps serving after a failure")
			.isThrownBy(() -> app.template().request(failing.name(), "that", String.class))
			.withMessageContaining("cannot handle that");
		assertThat(failing.statistics().getFailed()).isEqualTo(2);
	}

	@Test
	void hundredRequestsInFlightAtOnceEachGetTheirOwnReply() {
		ChannelSpec echo = channel(Pattern.REQUEST_REPLY);
		ContractApplication app = application();
		app.reply(echo, String.class, (text) -> "re:" + text);
		List<CompletableFuture<String>> replies = IntStream.range(0, 100)
			.mapToObj((i) -> app.template().requestAsync(echo.name(), "m" + i, String.class))
			.toList();
		CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();
		for (int i = 0; i < 100; i++) {
			assertThat(replies.get(i).join()).isEqualTo("re:m" + i);
		}
	}

	@Test
	void twoListenersOnOneChannelShareTheRequests() {
		ChannelSpec echo = channel(Pattern.REQUEST_REPLY);
		ContractApplication app = application();
		AtomicInteger first = new AtomicInteger();
		AtomicInteger second = new AtomicInteger();
		app.reply(echo, String.class, (text) -> "1:" + first.incrementAndGet());
		app.reply(echo, String.class, (text) -> "2:" + second.incrementAndGet());
		for (int i = 0; i < 100; i++) {
			assertThat(app.template().request(echo.name(), "r" + i, String.class)).matches("[12]:\\d+");
		}
		assertThat(first.get() + second.get()).isEqualTo(100);
		assertThat(first.get()).as("requests served by the first listener").isGreaterThanOrEqualTo(20);
		assertThat(second.get()).as("requests served by the second listener").isGreaterThanOrEqualTo(20);
	}

	@Test
	void templateIsSafeToCallFromManyThreads() throws Exception {
		ChannelSpec echo = channel(Pattern.REQUEST_REPLY);
		ContractApplication app = application();
		app.reply(echo, String.class, (text) -> "re:" + text);
		ExecutorService callers = Executors.newFixedThreadPool(8);
		try {
			List<CompletableFuture<Boolean>> results = IntStream.range(0, 8)
				.mapToObj((thread) -> CompletableFuture.supplyAsync(() -> IntStream.range(0, 25)
					.allMatch((i) -> app.template()
						.request(echo.name(), thread + "-" + i, String.class)
						.equals("re:" + thread + "-" + i)), callers))
				.toList();
			for (CompletableFuture<Boolean> result : results) {
				assertThat(result.get(60, TimeUnit.SECONDS)).isTrue();
			}
		}
		finally {
			callers.shutdownNow();
		}
	}

	@Test
	void undecodableRequestGetsAConversionErrorAndTheListenerKeepsServing() {
		ChannelSpec tasks = channel(Pattern.REQUEST_REPLY);
		ContractApplication app = application();
		AtomicInteger calls = new AtomicInteger();
		app.reply(tasks, Task.class, (task) -> {
			calls.incrementAndGet();
			return "done " + task.id();
		});
		assertThatExceptionOfType(RemoteInvocationException.class)
			.isThrownBy(() -> app.template().request(tasks.name(), "{not json".getBytes(StandardCharsets.UTF_8),
					String.class))
			.satisfies((ex) -> assertThat(ex.getRemoteType()).isEqualTo(PayloadConversionException.class.getName()));
		assertThat(calls.get()).isZero();
		assertThat(tasks.statistics().getMalformed()).isEqualTo(1);
		assertThat(app.template().request(tasks.name(), new Task(7, "seven"), String.class)).isEqualTo("done 7");
	}

	// pub-sub

	@Test
	void everySubscriberGetsEveryMessage() {
		ChannelSpec scores = channel(Pattern.PUB_SUB);
		ContractApplication app = application();
		app.template().prepare(scores.name());
		List<Queue<String>> received = List.of(new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>(),
				new ConcurrentLinkedQueue<>());
		received.forEach((inbox) -> app.consume(scores, null, 1, String.class, inbox::add));
		probeUntil(() -> app.template().publish(scores.name(), "probe", "probe"),
				() -> received.stream().allMatch((inbox) -> inbox.contains("probe")));
		List<String> expected = IntStream.range(0, 50).mapToObj((i) -> "score " + i).toList();
		expected.forEach((line) -> app.template().publish(scores.name(), "game", line));
		for (Queue<String> inbox : received) {
			await().atMost(AWAIT).untilAsserted(() -> assertThat(withoutProbes(inbox)).containsExactlyElementsOf(expected));
		}
	}

	@Test
	void starInATopicFilterMatchesExactlyOneWord() {
		assertThat(deliveredTopics("scores.*.eu", "scores.1.eu", List.of("scores.1.eu", "scores.1.2.eu", "scores.eu",
				"scores.1.us", "scores.2.eu"))).containsExactly("scores.1.eu", "scores.2.eu");
	}

	@Test
	void hashInATopicFilterMatchesZeroOrMoreWords() {
		assertThat(deliveredTopics("scores.#", "scores.probe", List.of("scores", "scores.1", "scores.1.eu",
				"scoresx", "other.scores", "scores.2"))).containsExactly("scores", "scores.1", "scores.1.eu", "scores.2");
	}

	@Test
	void literalTopicFilterMatchesOnlyThatTopic() {
		assertThat(deliveredTopics("1", "1", List.of("1", "10", "1.x", "2", "1"))).containsExactly("1", "1");
	}

	@Test
	void subscriberWhoseFilterDoesNotMatchGetsNothing() {
		ChannelSpec scores = channel(Pattern.PUB_SUB);
		ContractApplication app = application();
		app.template().prepare(scores.name());
		Queue<String> football = new ConcurrentLinkedQueue<>();
		Queue<String> tennis = new ConcurrentLinkedQueue<>();
		app.consume(scores, "football.#", 1, String.class, football::add);
		app.consume(scores, "tennis.#", 1, String.class, tennis::add);
		probeUntil(() -> {
			app.template().publish(scores.name(), "football.probe", "probe");
			app.template().publish(scores.name(), "tennis.probe", "probe");
		}, () -> football.contains("probe") && tennis.contains("probe"));
		IntStream.range(0, 20).forEach((i) -> app.template().publish(scores.name(), "football.goal", "goal " + i));
		app.template().publish(scores.name(), "tennis.end", "end");
		await().atMost(AWAIT).untilAsserted(() -> {
			assertThat(withoutProbes(football)).hasSize(20);
			assertThat(withoutProbes(tennis)).containsExactly("end");
		});
	}

	@Test
	void subscriberSeesTheTopicAMessageWasPublishedOn() {
		ChannelSpec scores = channel(Pattern.PUB_SUB);
		ContractApplication app = application();
		app.template().prepare(scores.name());
		Queue<WireMessage> received = new ConcurrentLinkedQueue<>();
		app.listen(scores, "league.#", 1, recording(received));
		probeUntil(() -> app.template().publish(scores.name(), "league.probe", "probe"),
				() -> !received.isEmpty());
		app.template().publish(scores.name(), "league.final", "final");
		await().atMost(AWAIT)
			.untilAsserted(() -> assertThat(received).extracting(WireMessage::topic).contains("league.final"));
	}

	// pipeline

	@Test
	void eachMessageReachesExactlyOneWorkerAndWorkersShareFairly() {
		ChannelSpec tasks = channel(Pattern.PIPELINE);
		ContractApplication app = application();
		app.template().prepare(tasks.name());
		List<Queue<Integer>> workers = List.of(new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>(),
				new ConcurrentLinkedQueue<>());
		workers.forEach((inbox) -> app.consume(tasks, Integer.class, inbox::add));
		int count = 300;
		IntStream.rangeClosed(1, count).forEach((id) -> app.template().send(tasks.name(), id));
		await().atMost(AWAIT).until(() -> workers.stream().mapToInt(Queue::size).sum() >= count);
		List<Integer> all = workers.stream().flatMap(Queue::stream).sorted().toList();
		assertThat(all).as("every task exactly once").containsExactlyElementsOf(IntStream.rangeClosed(1, count).boxed().toList());
		for (Queue<Integer> worker : workers) {
			assertThat(worker).as("a fair share of " + count + " tasks over 3 workers").hasSizeGreaterThanOrEqualTo(count / 6);
		}
	}

	@Test
	void messageSentBeforeAnyWorkerListensIsDeliveredOnceOneDoes() {
		ChannelSpec tasks = channel(Pattern.PIPELINE);
		ContractApplication app = application();
		app.template().send(tasks.name(), "early task");
		Queue<String> worker = new ConcurrentLinkedQueue<>();
		app.consume(tasks, String.class, worker::add);
		await().atMost(AWAIT).untilAsserted(() -> assertThat(worker).containsExactly("early task"));
	}

	@Test
	void workerWithConcurrencyHandlesMessagesInParallel() {
		ChannelSpec tasks = channel(Pattern.PIPELINE);
		ContractApplication app = application();
		app.template().prepare(tasks.name());
		CountDownLatch allInside = new CountDownLatch(4);
		AtomicInteger finished = new AtomicInteger();
		app.consume(tasks, null, 4, String.class, (task) -> {
			allInside.countDown();
			try {
				if (allInside.await(AWAIT.toSeconds(), TimeUnit.SECONDS)) {
					finished.incrementAndGet();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		IntStream.range(0, 4).forEach((i) -> app.template().send(tasks.name(), "task " + i));
		await().atMost(AWAIT).untilAsserted(() -> assertThat(finished).as("tasks that met the others inside the worker").hasValue(4));
	}

	// pair

	@Test
	void pairPeersTalkBothWays() {
		ChannelSpec peer = channel(Pattern.PAIR);
		ContractApplication left = application();
		ContractApplication right = peerApplication(peer);
		Queue<String> leftInbox = new ConcurrentLinkedQueue<>();
		Queue<String> rightInbox = new ConcurrentLinkedQueue<>();
		left.consume(peer, String.class, leftInbox::add);
		right.consume(peer, String.class, rightInbox::add);
		IntStream.range(0, 10).forEach((i) -> {
			left.template().send(peer.name(), "from left " + i);
			right.template().send(peer.name(), "from right " + i);
		});
		await().atMost(AWAIT).untilAsserted(() -> {
			assertThat(rightInbox).containsExactlyElementsOf(IntStream.range(0, 10).mapToObj((i) -> "from left " + i).toList());
			assertThat(leftInbox).containsExactlyElementsOf(IntStream.range(0, 10).mapToObj((i) -> "from right " + i).toList());
		});
	}

	@Test
	void pairListenerReturnValueIsSentToThePeer() {
		ChannelSpec peer = channel(Pattern.PAIR);
		ContractApplication asker = application();
		ContractApplication answerer = peerApplication(peer);
		Queue<String> answers = new ConcurrentLinkedQueue<>();
		asker.consume(peer, String.class, answers::add);
		answerer.reply(peer, String.class, (question) -> "answer to " + question);
		asker.template().send(peer.name(), "ping");
		await().atMost(AWAIT).untilAsserted(() -> assertThat(answers).containsExactly("answer to ping"));
	}

	// conversion

	@Test
	void textRoundTripsWithItsCharacters() {
		assertThat(roundTrip("héllo ✓ 你好", String.class)).isEqualTo("héllo ✓ 你好");
	}

	@Test
	void bytesRoundTripUnchanged() {
		byte[] bytes = new byte[256];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) i;
		}
		assertThat(roundTrip(bytes, byte[].class)).isEqualTo(bytes);
	}

	@Test
	void objectsRoundTripAsJson() {
		assertThat(roundTrip(new Task(42, "answer"), Task.class)).isEqualTo(new Task(42, "answer"));
	}

	@Test
	void contentTypeAndUserHeadersTravelWithTheMessage() {
		ChannelSpec tasks = channel(Pattern.PIPELINE);
		ContractApplication app = application();
		app.template().prepare(tasks.name());
		Queue<WireMessage> received = new ConcurrentLinkedQueue<>();
		app.listen(tasks, null, 1, recording(received));
		app.template().send(tasks.name(), new Task(1, "one"), Map.of("tenant", "acme", "attempt", "1"));
		await().atMost(AWAIT).until(() -> !received.isEmpty());
		WireMessage message = received.peek();
		assertThat(message.contentType()).startsWith("application/json");
		assertThat(message.headers()).containsEntry("tenant", "acme").containsEntry("attempt", "1");
	}

	@Test
	void undecodablePayloadSkipsTheListenerIsCountedAndTheNextMessageIsServed() {
		ChannelSpec tasks = channel(Pattern.PIPELINE);
		ContractApplication app = application();
		app.template().prepare(tasks.name());
		Queue<Task> received = new ConcurrentLinkedQueue<>();
		app.consume(tasks, Task.class, received::add);
		app.template().send(tasks.name(), "{\"id\": oops".getBytes(StandardCharsets.UTF_8));
		app.template().send(tasks.name(), new Task(2, "two"));
		await().atMost(AWAIT).untilAsserted(() -> assertThat(received).containsExactly(new Task(2, "two")));
		assertThat(tasks.statistics().getMalformed()).isEqualTo(1);
		assertThat(tasks.statistics().getReceived()).isEqualTo(2);
		await().atMost(AWAIT).until(() -> deadLetters(tasks).size() == 1);
		WireMessage deadLetter = deadLetters(tasks).get(0);
		assertThat(text(deadLetter)).isEqualTo("{\"id\": oops");
		assertThat(deadLetter.headers()).containsEntry(SwitchboardHeaders.DEAD_LETTER_REASON, "undecodable")
			.containsEntry(SwitchboardHeaders.ATTEMPTS, "0")
			.containsEntry(SwitchboardHeaders.EXCEPTION_TYPE, PayloadConversionException.class.getName());
		assertThat(tasks.statistics().getRetried()).isZero();
	}

	// failures: retries and dead letters

	@Test
	void failingWorkerIsRetriedThenDeadLetteredWithItsFailureAndTheNextMessageIsServed() {
		ChannelSpec tasks = channel(Pattern.PIPELINE);
		ContractApplication app = application();
		app.template().prepare(tasks.name());
		AtomicInteger attempts = new AtomicInteger();
		Queue<String> done = new ConcurrentLinkedQueue<>();
		app.consume(tasks, String.class, (task) -> {
			if (task.equals("poison")) {
				throw new IllegalArgumentException("attempt " + attempts.incrementAndGet());
			}
			done.add(task);
		});
		app.template().send(tasks.name(), "poison", Map.of("tenant", "acme"));
		app.template().send(tasks.name(), "healthy");
		await().atMost(AWAIT).untilAsserted(() -> assertThat(done).containsExactly("healthy"));
		await().atMost(AWAIT).until(() -> deadLetters(tasks).size() == 1);
		WireMessage deadLetter = deadLetters(tasks).get(0);
		assertThat(text(deadLetter)).isEqualTo("poison");
		assertThat(deadLetter.headers()).containsEntry("tenant", "acme")
			.containsEntry(SwitchboardHeaders.DEAD_LETTER_REASON, "listener-failed")
			.containsEntry(SwitchboardHeaders.EXCEPTION_TYPE, IllegalArgumentException.class.getName())
			.containsEntry(SwitchboardHeaders.EXCEPTION_MESSAGE, "attempt 3")
			.containsEntry(SwitchboardHeaders.ATTEMPTS, "3")
			.containsEntry(SwitchboardHeaders.ORIGINAL_CHANNEL, tasks.name());
		assertThat(attempts).hasValue(3);
		assertThat(tasks.statistics().getRetried()).isEqualTo(2);
		assertThat(tasks.statistics().getFailed()).isEqualTo(1);
		assertThat(tasks.statistics().getDeadLettered()).isEqualTo(1);
	}

	@Test
	void workerThatSucceedsOnARetryHandlesTheMessageOnceAndDeadLettersNothing() {
		ChannelSpec tasks = channel(Pattern.PIPELINE);
		ContractApplication app = application();
		app.template().prepare(tasks.name());
		AtomicInteger attempts = new AtomicInteger();
		Queue<String> done = new ConcurrentLinkedQueue<>();
		app.consume(tasks, String.class, (task) -> {
			if (attempts.incrementAndGet() == 1) {
				throw new IllegalStateException("flaky");
			}
			done.add(task);
		});
		app.template().send(tasks.name(), "task");
		await().atMost(AWAIT).untilAsserted(() -> assertThat(done).containsExactly("task"));
		assertThat(tasks.statistics().getRetried()).isEqualTo(1);
		assertThat(tasks.statistics().getFailed()).isZero();
		assertThat(tasks.statistics().getDeadLettered()).isZero();
	}

	@Test
	void failureMarkedNotRetryableIsDeadLetteredAfterOneAttemptEvenAsACause() {
		ChannelSpec tasks = channel(Pattern.PIPELINE, new RetryPolicy(3, Duration.ofMillis(10), 2.0,
				Duration.ofMillis(100), List.of(IllegalArgumentException.class)));
		ContractApplication app = application();
		app.template().prepare(tasks.name());
		AtomicInteger attempts = new AtomicInteger();
		app.consume(tasks, String.class, (task) -> {
			attempts.incrementAndGet();
			throw new IllegalStateException("wrapped", new IllegalArgumentException("bad input"));
		});
		app.template().send(tasks.name(), "task");
		await().atMost(AWAIT).until(() -> deadLetters(tasks).size() == 1);
		assertThat(deadLetters(tasks).get(0).headers()).containsEntry(SwitchboardHeaders.ATTEMPTS, "1")
			.containsEntry(SwitchboardHeaders.EXCEPTION_TYPE, IllegalStateException.class.getName());
		assertThat(attempts).hasValue(1);
		assertThat(tasks.statistics().getRetried()).isZero();
	}

	@Test
	void failingSubscriberDeadLettersWithTheOriginalTopic() {
		ChannelSpec scores = channel(Pattern.PUB_SUB);
		ContractApplication app = application();
		app.template().prepare(scores.name());
		Queue<String> received = new ConcurrentLinkedQueue<>();
		app.consume(scores, "#", 1, String.class, (line) -> {
			if (line.equals("bad")) {
				throw new IllegalStateException("cannot score " + line);
			}
			received.add(line);
		});
		SwitchboardTemplate template = app.template();
		probeUntil(() -> template.publish(scores.name(), "probe", "probe"), () -> received.contains("probe"));
		template.publish(scores.name(), "eu.match", "bad");
		await().atMost(AWAIT).until(() -> deadLetters(scores).size() == 1);
		assertThat(deadLetters(scores).get(0).headers())
			.containsEntry(SwitchboardHeaders.ORIGINAL_TOPIC, "eu.match")
			.containsEntry(SwitchboardHeaders.ORIGINAL_CHANNEL, scores.name())
			.containsEntry(SwitchboardHeaders.EXCEPTION_TYPE, IllegalStateException.class.getName())
			.containsEntry(SwitchboardHeaders.EXCEPTION_MESSAGE, "cannot score bad")
			.containsEntry(SwitchboardHeaders.ATTEMPTS, "3");
	}

	@Test
	void failingPairListenerDeadLettersAndThePeerGoesOnTalking() {
		ChannelSpec peer = channel(Pattern.PAIR);
		ContractApplication left = application();
		ContractApplication right = peerApplication(peer);
		Queue<String> rightInbox = new ConcurrentLinkedQueue<>();
		right.consume(peer, String.class, (line) -> {
			if (line.equals("bad")) {
				throw new IllegalStateException("cannot read " + line);
			}
			rightInbox.add(line);
		});
		left.template().send(peer.name(), "bad");
		left.template().send(peer.name(), "good");
		await().atMost(AWAIT).untilAsserted(() -> assertThat(rightInbox).containsExactly("good"));
		await().atMost(AWAIT).until(() -> deadLetters(peer).size() == 1);
		assertThat(text(deadLetters(peer).get(0))).isEqualTo("bad");
		assertThat(deadLetters(peer).get(0).headers())
			.containsEntry(SwitchboardHeaders.ORIGINAL_CHANNEL, peer.name())
			.containsEntry(SwitchboardHeaders.EXCEPTION_TYPE, IllegalStateException.class.getName())
			.containsEntry(SwitchboardHeaders.EXCEPTION_MESSAGE, "cannot read bad")
			.containsEntry(SwitchboardHeaders.ATTEMPTS, "3");
	}

	@Test
	void requestListenerIsRetriedBeforeTheCallerGetsItsReplyOrTheError() {
		ChannelSpec echo = channel(Pattern.REQUEST_REPLY);
		ContractApplication app = application();
		AtomicInteger attempts = new AtomicInteger();
		app.reply(echo, String.class, (text) -> {
			if (text.equals("never") || attempts.incrementAndGet() < 3) {
				throw new IllegalStateException("not yet: " + text);
			}
			return "Echo: " + text;
		});
		assertThat(app.template().request(echo.name(), "third time", String.class)).isEqualTo("Echo: third time");
		assertThat(echo.statistics().getRetried()).isEqualTo(2);
		assertThatExceptionOfType(RemoteInvocationException.class)
			.isThrownBy(() -> app.template().request(echo.name(), "never", String.class))
			.withMessageContaining("not yet: never");
		assertThat(echo.statistics().getRetried()).isEqualTo(4);
		assertThat(echo.statistics().getFailed()).isEqualTo(1);
		assertThat(echo.statistics().getDeadLettered()).as("a caller gets the error instead of a dead letter").isZero();
	}

	// support

	/**
	 * A new channel, configured by the binder module. Applications created afterwards in the
	 * test know it.
	 */
	protected final ChannelSpec channel(Pattern pattern) {
		return channel(pattern, FAST_RETRY);
	}

	/**
	 * A new channel with its own retry policy.
	 */
	protected final ChannelSpec channel(Pattern pattern, RetryPolicy retry) {
		String name = "contract-" + pattern.id() + "-" + this.runId + "-" + CHANNEL_COUNTER.incrementAndGet();
		ChannelSpec spec = new ChannelSpec(name, pattern, this.firstBinder.transport(), 1, Duration.ofSeconds(10),
				retry, new ChannelStatistics());
		configureChannel(spec);
		this.channels.add(spec);
		return spec;
	}

	private ContractApplication application() {
		return register(this.applications.isEmpty() ? this.firstBinder : createBinder());
	}

	private ContractApplication peerApplication(ChannelSpec pairChannel) {
		return register(createPeerBinder(pairChannel));
	}

	private ContractApplication register(Binder binder) {
		ContractApplication application = new ContractApplication(binder, this.channels);
		this.applications.add(application);
		return application;
	}

	private <T> T roundTrip(Object payload, Class<T> type) {
		ChannelSpec tasks = channel(Pattern.PIPELINE);
		ContractApplication app = application();
		app.template().prepare(tasks.name());
		Queue<T> received = new ConcurrentLinkedQueue<>();
		app.consume(tasks, type, received::add);
		app.template().send(tasks.name(), payload);
		await().atMost(AWAIT).until(() -> !received.isEmpty());
		return received.peek();
	}

	private List<String> deliveredTopics(String filter, String probeTopic, List<String> topics) {
		ChannelSpec scores = channel(Pattern.PUB_SUB);
		ContractApplication app = application();
		app.template().prepare(scores.name());
		Queue<WireMessage> received = new ConcurrentLinkedQueue<>();
		Queue<String> all = new ConcurrentLinkedQueue<>();
		app.listen(scores, filter, 1, recording(received));
		app.consume(scores, "#", 1, String.class, all::add);
		SwitchboardTemplate template = app.template();
		probeUntil(() -> template.publish(scores.name(), probeTopic, "probe"),
				() -> all.contains("probe") && received.stream().anyMatch((message) -> isProbe(message)));
		topics.forEach((topic) -> template.publish(scores.name(), topic, "on " + topic));
		template.publish(scores.name(), "end", "end");
		await().atMost(AWAIT).until(() -> all.contains("end"));
		return received.stream().filter((message) -> !isProbe(message)).map(WireMessage::topic).toList();
	}

	private static boolean isProbe(WireMessage message) {
		return text(message).equals("probe");
	}

	private static String text(WireMessage message) {
		return new String(message.payload(), StandardCharsets.UTF_8);
	}

	private static List<String> withoutProbes(Queue<String> inbox) {
		return inbox.stream().filter((line) -> !line.equals("probe")).toList();
	}

	/**
	 * Publish probes until {@code ready}: a pub-sub subscriber may take a moment to join, and
	 * messages published before it has are, by the pattern's definition, not its to receive.
	 */
	private static void probeUntil(Runnable probe, BooleanSupplier ready) {
		await().atMost(AWAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
			if (ready.getAsBoolean()) {
				return true;
			}
			probe.run();
			return false;
		});
	}

	private static MessageListenerAdapter recording(Queue<WireMessage> received) {
		return new MessageListenerAdapter() {

			@Override
			public @Nullable Object onMessage(WireMessage message, ChannelSpec channel) {
				received.add(message);
				return null;
			}

			@Override
			public boolean returnsValue() {
				return false;
			}

			@Override
			public String description() {
				return "recording listener";
			}

		};
	}

	/**
	 * A payload type for JSON conversion.
	 *
	 * @param id the task id
	 * @param name the task name
	 */
	public record Task(int id, String name) {
	}

}
