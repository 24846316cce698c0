package dev.switchboard.amqp;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.GetResponse;

import dev.switchboard.binder.Binder;
import dev.switchboard.binder.BinderContractTests;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.WireMessage;
import org.junit.jupiter.api.AfterAll;

/**
 * The shared binder contract, unchanged, against the real RabbitMQ broker. The first
 * application of a test plays side {@code a} of pair channels and the peer side {@code b}.
 */
class AmqpBinderContractIntegrationTests extends BinderContractTests {

	private static final Broker broker = new Broker();

	private final Map<String, List<WireMessage>> deadLetters = new ConcurrentHashMap<>();

	@AfterAll
	static void deleteWhatTheTestsDeclared() throws IOException, TimeoutException {
		broker.deleteAll();
	}

	@Override
	protected Binder createBinder() {
		return binder(PairSide.A);
	}

	@Override
	protected Binder createPeerBinder(ChannelSpec pairChannel) {
		return binder(PairSide.B);
	}

	private static Binder binder(PairSide side) {
		AmqpChannelOptions options = AmqpChannelOptions.builder().side(side).build();
		return new AmqpBinder(AmqpConnectionOptions.defaults(), (channel) -> options);
	}

	/**
	 * Reads the channel's dead-letter queue {@code <channel>.dlq}, keeping what it read, since
	 * reading takes the messages off the queue.
	 */
	@Override
	protected List<WireMessage> deadLetters(ChannelSpec channel) {
		List<WireMessage> read = this.deadLetters.computeIfAbsent(channel.name(), (name) -> new CopyOnWriteArrayList<>());
		for (GetResponse response : Broker.drain(channel.name() + ".dlq")) {
			read.add(AmqpMessages.fromDelivery(response.getEnvelope(), response.getProps(), response.getBody(), false));
		}
		return List.copyOf(read);
	}

	@Override
	protected void configureChannel(ChannelSpec channel) {
		broker.channel(channel.name());
	}

}
