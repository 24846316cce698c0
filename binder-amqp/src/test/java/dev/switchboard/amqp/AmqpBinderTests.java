package dev.switchboard.amqp;

import java.util.List;

import dev.switchboard.ChannelConfigurationException;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.Pattern;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link AmqpBinder} that need no broker.
 */
class AmqpBinderTests {

	private static final AmqpConnectionOptions NOWHERE = AmqpConnectionOptions.builder()
		.addresses(List.of("127.0.0.1:1"))
		.build();

	@Test
	void binderDoesNotConnectUntilAChannelIsBound() {
		assertThatNoException().as("creating and closing a binder for an address that refuses connections")
			.isThrownBy(() -> new AmqpBinder(NOWHERE, AmqpChannelOptionsResolver.DEFAULTS).close());
	}

	@Test
	void requesterOnAChannelThatIsNotRequestReplyIsRefusedBeforeConnecting() {
		try (AmqpBinder binder = new AmqpBinder(NOWHERE, AmqpChannelOptionsResolver.DEFAULTS)) {
			assertThatExceptionOfType(ChannelConfigurationException.class)
				.isThrownBy(() -> binder.bindRequester(ChannelSpec.of("tasks", Pattern.PIPELINE, "amqp")))
				.withMessageContaining("'tasks'");
		}
	}

	@Test
	void connectionDefaultsMatchALocalBroker() {
		AmqpConnectionOptions options = AmqpConnectionOptions.defaults();
		assertThat(options.addresses()).containsExactly("127.0.0.1:5672");
		assertThat(options.username()).isEqualTo("guest");
		assertThat(options.password()).isEqualTo("guest");
		assertThat(options.virtualHost()).isEqualTo("/");
		assertThat(options).asString().doesNotContain("password");
	}

	@Test
	void channelDefaultsGiveAtLeastOnceDelivery() {
		AmqpChannelOptions options = AmqpChannelOptions.defaults();
		assertThat(options.durable()).isTrue();
		assertThat(options.persistent()).isTrue();
		assertThat(options.confirms()).isTrue();
		assertThat(options.prefetch()).isEqualTo(AmqpChannelOptions.DEFAULT_PREFETCH);
		assertThat(options.side()).isEqualTo(PairSide.AUTO);
	}

	@Test
	void prefetchOutsideTheProtocolsRangeIsRefused() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> AmqpChannelOptions.builder().prefetch(0).build())
			.withMessageContaining("prefetch");
	}

}
