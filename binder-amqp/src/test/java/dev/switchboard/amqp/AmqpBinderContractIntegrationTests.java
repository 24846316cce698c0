package dev.switchboard.amqp;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import dev.switchboard.binder.Binder;
import dev.switchboard.binder.BinderContractTests;
import dev.switchboard.core.ChannelSpec;
import org.junit.jupiter.api.AfterAll;

/**
 * The shared binder contract, unchanged, against the real RabbitMQ broker. The first
 * application of a test plays side {@code a} of pair channels and the peer side {@code b}.
 */
class AmqpBinderContractIntegrationTests extends BinderContractTests {

	private static final Broker broker = new Broker();

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

	@Override
	protected void configureChannel(ChannelSpec channel) {
		broker.channel(channel.name());
	}

}
