package dev.switchboard.amqp;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Return;
import com.rabbitmq.client.ShutdownSignalException;
import dev.switchboard.BindingException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PendingConfirms}: which publish a return, an ack or a nack settles, and
 * when a publish needs the sequence header to be told apart.
 */
class PendingConfirmsTests {

	private static final AMQP.BasicProperties PLAIN = new AMQP.BasicProperties.Builder()
		.contentType("application/octet-stream")
		.deliveryMode(2)
		.build();

	private final PendingConfirms pending = new PendingConfirms();

	@Test
	void mandatoryPublishWithNothingElseUnconfirmedGoesOutAsItIs() {
		assertThat(this.pending.add(1, new CompletableFuture<>(), true, PLAIN)).isSameAs(PLAIN);
	}

	@Test
	void mandatoryPublishWhileAnotherIsUnconfirmedCarriesItsSequenceAndKeepsItsOtherProperties() {
		AMQP.BasicProperties withHeader = PLAIN.builder().headers(Map.of("tenant", "acme")).build();
		this.pending.add(1, new CompletableFuture<>(), true, PLAIN);
		AMQP.BasicProperties sent = this.pending.add(2, new CompletableFuture<>(), true, withHeader);
		assertThat(sent.getHeaders()).containsEntry(PendingConfirms.PUBLISH_SEQUENCE, 2L)
			.containsEntry("tenant", "acme");
		assertThat(sent.getContentType()).isEqualTo(PLAIN.getContentType());
		assertThat(sent.getDeliveryMode()).isEqualTo(2);
	}

	@Test
	void unconfirmedPublishThatIsNotMandatoryStillMakesTheNextMandatoryOneCarryItsSequence() {
		assertThat(this.pending.add(1, new CompletableFuture<>(), false, PLAIN)).isSameAs(PLAIN);
		assertThat(this.pending.add(2, new CompletableFuture<>(), true, PLAIN).getHeaders())
			.containsEntry(PendingConfirms.PUBLISH_SEQUENCE, 2L);
	}

	@Test
	void returnWithoutTheHeaderFailsThePublishSentWithoutItAndNoOther() {
		CompletableFuture<Void> first = new CompletableFuture<>();
		CompletableFuture<Void> second = new CompletableFuture<>();
		this.pending.add(1, first, true, PLAIN);
		this.pending.add(2, second, true, PLAIN);
		this.pending.returned(returnOf(PLAIN));
		this.pending.handleAck(1, false);
		assertReturned(first);
		assertThat(second).isNotDone();
		this.pending.handleAck(2, false);
		assertThat(second).isCompleted();
	}

	@Test
	void returnWithTheHeaderFailsThatPublishAndNoOther() {
		CompletableFuture<Void> first = new CompletableFuture<>();
		CompletableFuture<Void> second = new CompletableFuture<>();
		this.pending.add(1, first, true, PLAIN);
		AMQP.BasicProperties sent = this.pending.add(2, second, true, PLAIN);
		this.pending.returned(returnOf(sent));
		this.pending.handleAck(2, false);
		assertReturned(second);
		assertThat(first).isNotDone();
		this.pending.handleAck(1, false);
		assertThat(first).isCompleted();
	}

	@Test
	void onceThePublishSentWithoutTheHeaderIsConfirmedTheNextLoneOneTakesItsPlace() {
		CompletableFuture<Void> first = new CompletableFuture<>();
		CompletableFuture<Void> second = new CompletableFuture<>();
		this.pending.add(1, first, true, PLAIN);
		this.pending.handleAck(1, false);
		assertThat(this.pending.add(2, second, true, PLAIN)).isSameAs(PLAIN);
		this.pending.returned(returnOf(PLAIN));
		assertThat(first).isCompleted();
		assertReturned(second);
	}

	@Test
	void copyCarryingAnotherPublishsSequenceIsSentWithItsOwn() {
		AMQP.BasicProperties stale = PLAIN.builder().headers(Map.of(PendingConfirms.PUBLISH_SEQUENCE, 99L)).build();
		CompletableFuture<Void> copy = new CompletableFuture<>();
		AMQP.BasicProperties sent = this.pending.add(1, copy, true, stale);
		assertThat(sent.getHeaders()).containsEntry(PendingConfirms.PUBLISH_SEQUENCE, 1L);
		this.pending.returned(returnOf(sent));
		assertReturned(copy);
	}

	@Test
	void returnOfAPublishAlreadySettledChangesNothing() {
		CompletableFuture<Void> first = new CompletableFuture<>();
		this.pending.add(1, first, true, PLAIN);
		this.pending.handleAck(1, false);
		this.pending.returned(returnOf(PLAIN));
		assertThat(first).isCompleted().isNotCompletedExceptionally();
	}

	@Test
	void multipleAckSettlesEveryPublishUpToItsSequenceAndNackFailsSaying() {
		CompletableFuture<Void> first = new CompletableFuture<>();
		CompletableFuture<Void> second = new CompletableFuture<>();
		CompletableFuture<Void> third = new CompletableFuture<>();
		this.pending.add(1, first, true, PLAIN);
		this.pending.add(2, second, true, PLAIN);
		this.pending.add(3, third, true, PLAIN);
		this.pending.handleAck(2, true);
		assertThat(first).isCompleted();
		assertThat(second).isCompleted();
		this.pending.handleNack(3, false);
		assertThat(third).failsWithin(Duration.ZERO)
			.withThrowableOfType(ExecutionException.class)
			.withMessageContaining("basic.nack");
	}

	@Test
	void channelShutdownFailsEveryUnconfirmedPublishAsMaybeArrived() {
		CompletableFuture<Void> first = new CompletableFuture<>();
		CompletableFuture<Void> second = new CompletableFuture<>();
		this.pending.add(1, first, true, PLAIN);
		this.pending.add(2, second, false, PLAIN);
		this.pending.failAll(new ShutdownSignalException(true, false, null, null));
		assertThat(first).failsWithin(Duration.ZERO)
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(ConnectionLostException.class)
			.withMessageContaining("may or may not have arrived");
		assertThat(second).isCompletedExceptionally();
		assertThat(this.pending.add(3, new CompletableFuture<>(), true, PLAIN)).isSameAs(PLAIN);
	}

	private static Return returnOf(AMQP.BasicProperties sent) {
		return new Return(312, "NO_ROUTE", "", "tasks", sent, new byte[0]);
	}

	private static void assertReturned(CompletableFuture<Void> confirmed) {
		assertThat(confirmed).failsWithin(Duration.ZERO)
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(BindingException.class)
			.withMessageContaining("no queue took the message")
			.withMessageContaining("routing key 'tasks'");
	}

}
