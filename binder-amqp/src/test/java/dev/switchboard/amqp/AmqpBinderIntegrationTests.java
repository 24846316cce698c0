package dev.switchboard.amqp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * What the binder does beyond the shared contract, against the real broker: late replies,
 * pair sides, and the errors a misconfigured application gets.
 */
class AmqpBinderIntegrationTests {

	private static final Duration AWAIT = Duration.ofSeconds(20);

	private final Broker broker = new Broker();

	private final List<AmqpBinder> binders = new java.util.ArrayList<>();

	@AfterEach
	void cleanUp() throws IOException, TimeoutException {
		this.binders.forEach(AmqpBinder::close);
		this.broker.deleteAll();
	}

	@Test
	void lateReplyIsDroppedAndCounted() throws Exception {
		ChannelSpec slow = channel(Pattern.REQUEST_REPLY);
		AmqpBinder binder = binder(AmqpConnectionOptions.defaults(), AmqpChannelOptions.defaults());
		CountDownLatch release = new CountDownLatch(1);
		binder.bindInbound(slow, new InboundSpec(null, null, 1), (request) -> {
			awaitQuietly(release);
			return text("late");
		});
		CompletableFuture<WireMessage> reply = binder.bindRequester(slow).request(text("hurry"), Duration.ofMillis(200));
		assertThat(reply).failsWithin(AWAIT)
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(RequestTimeoutException.class);
		release.countDown();
		await().atMost(AWAIT).until(() -> slow.statistics().getDropped() == 1);
	}

	@Test
	void requestAfterTheBinderClosedFailsItsFutureNamingTheChannel() {
		ChannelSpec echo = channel(Pattern.REQUEST_REPLY);
		AmqpBinder binder = binder(AmqpConnectionOptions.defaults(), AmqpChannelOptions.defaults());
		RequestBinding requester = binder.bindRequester(echo);
		binder.close();
		assertThat(requester.request(text("too late"), AWAIT)).failsWithin(AWAIT)
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(BindingException.class)
			.withMessageContaining("'" + echo.name() + "'");
	}

	@Test
	void automaticPairSidesTalkBothWaysAndRefuseAThirdPeer() {
		ChannelSpec peer = channel(Pattern.PAIR);
		AmqpBinder left = binder(AmqpConnectionOptions.defaults(), AmqpChannelOptions.defaults());
		AmqpBinder right = binder(AmqpConnectionOptions.defaults(), AmqpChannelOptions.defaults());
		Queue<String> leftInbox = new ConcurrentLinkedQueue<>();
		Queue<String> rightInbox = new ConcurrentLinkedQueue<>();
		left.bindInbound(peer, new InboundSpec(null, null, 1), collecting(leftInbox));
		right.bindInbound(peer, new InboundSpec(null, null, 1), collecting(rightInbox));
		left.bindOutbound(peer).send(text("to right"));
		right.bindOutbound(peer).send(text("to left"));
		await().atMost(AWAIT).untilAsserted(() -> {
			assertThat(rightInbox).containsExactly("to right");
			assertThat(leftInbox).containsExactly("to left");
		});
		AmqpBinder third = binder(AmqpConnectionOptions.defaults(), AmqpChannelOptions.defaults());
		assertThatExceptionOfType(BindingException.class)
			.isThrownBy(() -> third.bindInbound(peer, new InboundSpec(null, null, 1), collecting(leftInbox)))
			.withMessageContaining("'" + peer.name() + "' already has two peers");
	}

	@Test
	void standbyPeerOnTheSameSideTakesOverWhenTheActiveOneCloses() {
		ChannelSpec peer = channel(Pattern.PAIR);
		AmqpChannelOptions sideA = AmqpChannelOptions.builder().side(PairSide.A).build();
		AmqpBinder active = binder(AmqpConnectionOptions.defaults(), sideA);
		AmqpBinder standby = binder(AmqpConnectionOptions.defaults(), sideA);
		AmqpBinder other = binder(AmqpConnectionOptions.defaults(), AmqpChannelOptions.builder().side(PairSide.B).build());
		Queue<String> activeInbox = new ConcurrentLinkedQueue<>();
		Queue<String> standbyInbox = new ConcurrentLinkedQueue<>();
		InboundBinding first = active.bindInbound(peer, new InboundSpec(null, null, 1), collecting(activeInbox));
		standby.bindInbound(peer, new InboundSpec(null, null, 1), collecting(standbyInbox));
		OutboundBinding sender = other.bindOutbound(peer);
		sender.send(text("one"));
		await().atMost(AWAIT).untilAsserted(() -> assertThat(activeInbox).containsExactly("one"));
		first.close();
		sender.send(text("two"));
		await().atMost(AWAIT).untilAsserted(() -> assertThat(standbyInbox).containsExactly("two"));
		assertThat(activeInbox).containsExactly("one");
	}

	@Test
	void unreachableBrokerFailsNamingTheAddressAndTheFix() {
		AmqpBinder binder = binder(AmqpConnectionOptions.builder().addresses(List.of("127.0.0.1:1")).build(),
				AmqpChannelOptions.defaults());
		assertThatExceptionOfType(BindingException.class)
			.isThrownBy(() -> binder.bindRequester(channel(Pattern.REQUEST_REPLY)))
			.withMessageContaining("Cannot connect to RabbitMQ at [127.0.0.1:1]")
			.withMessageContaining("switchboard.amqp.addresses");
	}

	@Test
	void wrongCredentialsFailNamingTheUser() {
		AmqpBinder binder = binder(
				AmqpConnectionOptions.builder().username("switchboard-nobody").password("wrong").build(),
				AmqpChannelOptions.defaults());
		assertThatExceptionOfType(BindingException.class)
			.isThrownBy(() -> binder.bindOutbound(channel(Pattern.PIPELINE)))
			.withMessageContaining("refused the login of user 'switchboard-nobody'")
			.withMessageContaining("switchboard.amqp.password");
	}

	@Test
	void queueDeclaredWithOtherSettingsFailsNamingTheQueueAndTheFix() throws Exception {
		ChannelSpec tasks = channel(Pattern.PIPELINE);
		try (Connection connection = Broker.connect(); Channel channel = connection.createChannel()) {
			channel.queueDeclare(tasks.name(), false, false, false, Map.of("x-max-length", 10));
		}
		AmqpBinder binder = binder(AmqpConnectionOptions.defaults(), AmqpChannelOptions.defaults());
		assertThatExceptionOfType(BindingException.class)
			.isThrownBy(() -> binder.bindInbound(tasks, new InboundSpec(null, null, 1), (message) -> null))
			.withMessageContaining("queue '" + tasks.name() + "' already exists on RabbitMQ with other settings")
			.withMessageContaining("switchboard.channels." + tasks.name() + ".amqp.queue");
	}

	@Test
	void channelOptionsRenameTheQueue() {
		ChannelSpec tasks = channel(Pattern.PIPELINE);
		String queue = this.broker.queue("renamed-" + tasks.name());
		AmqpBinder binder = binder(AmqpConnectionOptions.defaults(), AmqpChannelOptions.builder().queue(queue).build());
		Queue<String> inbox = new ConcurrentLinkedQueue<>();
		binder.bindInbound(tasks, new InboundSpec(null, null, 1), collecting(inbox));
		binder.bindOutbound(tasks).send(text("via " + queue));
		await().atMost(AWAIT).untilAsserted(() -> assertThat(inbox).containsExactly("via " + queue));
	}

	@Test
	void sendsOneAfterAnotherArriveEachWithItsOwnContentTypeCorrelationIdAndHeaders() {
		ChannelSpec tasks = channel(Pattern.PIPELINE);
		AmqpBinder binder = binder(AmqpConnectionOptions.defaults(), AmqpChannelOptions.defaults());
		Queue<WireMessage> inbox = new ConcurrentLinkedQueue<>();
		binder.bindInbound(tasks, new InboundSpec(null, null, 1), (message) -> {
			inbox.add(message);
			return null;
		});
		OutboundBinding sender = binder.bindOutbound(tasks);
		List<WireMessage> sent = List.of(text("plain"), text("plain again"),
				new WireMessage(new byte[] { 1 }, null, "application/octet-stream", null, Map.of()),
				new WireMessage(new byte[] { 2 }, null, "application/octet-stream", "c-1", Map.of()),
				new WireMessage(new byte[] { 3 }, null, "application/octet-stream", null, Map.of("tenant", "acme")),
				new WireMessage(new byte[] { 4 }, null, null, null, Map.of()), text("plain at last"));
		sent.forEach(sender::send);
		await().atMost(AWAIT).until(() -> inbox.size() == sent.size());
		assertThat(inbox).extracting(WireMessage::contentType, WireMessage::correlationId, WireMessage::headers)
			.containsExactlyElementsOf(sent.stream()
				.map((message) -> tuple(message.contentType(), message.correlationId(), message.headers()))
				.toList());
	}

	@Test
	void requesterAndListenerUseTheirOwnConnections() throws Exception {
		ChannelSpec echo = channel(Pattern.REQUEST_REPLY);
		AmqpBinder binder = binder(AmqpConnectionOptions.builder().connectionName("own-" + echo.name()).build(),
				AmqpChannelOptions.defaults());
		binder.bindInbound(echo, new InboundSpec(null, null, 1), (request) -> text("pong"));
		RequestBinding requester = binder.bindRequester(echo);
		assertThat(requester.request(text("ping"), AWAIT).get(AWAIT.toSeconds(), TimeUnit.SECONDS).payload())
			.asString(StandardCharsets.UTF_8)
			.isEqualTo("pong");
		Process list = new ProcessBuilder("rabbitmqctl", "-q", "list_connections", "client_properties").start();
		String connections = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(list.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(connections).contains("own-" + echo.name() + "-publisher").contains("own-" + echo.name() + "-consumer");
	}

	private AmqpBinder binder(AmqpConnectionOptions connection, AmqpChannelOptions options) {
		AmqpBinder binder = new AmqpBinder(connection, (channel) -> options);
		this.binders.add(binder);
		return binder;
	}

	private ChannelSpec channel(Pattern pattern) {
		ChannelSpec channel = ChannelSpec.of("binder-" + pattern.id() + "-" + UUID.randomUUID(), pattern,
				AmqpBinder.TRANSPORT);
		this.broker.channel(channel.name());
		return channel;
	}

	private static dev.switchboard.binder.InboundHandler collecting(Queue<String> inbox) {
		return (message) -> {
			inbox.add(new String(message.payload(), StandardCharsets.UTF_8));
			return null;
		};
	}

	private static WireMessage text(String text) {
		return new WireMessage(text.getBytes(StandardCharsets.UTF_8), null, "text/plain", null, Map.of());
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(AWAIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
