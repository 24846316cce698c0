package dev.switchboard.support.micrometer;

import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.Pattern;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SwitchboardObservationsTests {

	@Test
	void theMessagingSystemIsNamedAfterTheTransport() {
		assertThat(SwitchboardObservations.system(ChannelSpec.of("echo", Pattern.REQUEST_REPLY, "amqp")))
			.isEqualTo("rabbitmq");
		assertThat(SwitchboardObservations.system(ChannelSpec.of("echo", Pattern.REQUEST_REPLY, "zmq")))
			.isEqualTo("zeromq");
		assertThat(SwitchboardObservations.system(ChannelSpec.of("echo", Pattern.REQUEST_REPLY, "Kafka")))
			.isEqualTo("kafka");
	}

	@Test
	void observationsAndMetersNameATransportInAnyCaseAlike() {
		ChannelSpec channel = ChannelSpec.of("echo", Pattern.REQUEST_REPLY, "AMQP");
		assertThat(SwitchboardObservations.system(channel)).isEqualTo("rabbitmq");
		assertThat(SwitchboardObservations.keyValues(channel, "publish"))
			.contains(KeyValue.of("switchboard.transport", "amqp"));
		assertThat(SwitchboardMeters.tags(channel)).contains(Tag.of("transport", "amqp"));
	}

}
