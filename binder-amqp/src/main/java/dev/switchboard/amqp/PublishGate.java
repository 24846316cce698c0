package dev.switchboard.amqp;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.rabbitmq.client.BlockedListener;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import dev.switchboard.BindingException;

import org.jspecify.annotations.Nullable;

/**
 * What a publisher waits for on the publishing connection: the broker lifting a resource
 * alarm ({@code connection.blocked}, for memory or disk) and the connection coming back
 * after a failure. Both waits are bounded by the binder's settings, so a send never hangs.
 * Under an alarm a send waits up to {@code blocked-timeout} and then fails (at once when
 * that is zero) rather than piling up behind a socket the broker stopped reading: since
 * each send publishes synchronously, a blocked broker costs at most one message per
 * sending thread in memory.
 */
final class PublishGate implements BlockedListener, RecoveryListener {

	/**
	 * The longest a waiting send goes without checking the connection itself; recovery
	 * wakes it sooner, but a connection may also come back without a recovery event.
	 */
	private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

	private final Duration blockedTimeout;

	private final Duration recoveryTimeout;

	private final BooleanSupplier connectionOpen;

	private final Object monitor = new Object();

	private volatile @Nullable String blockedReason;

	PublishGate(Duration blockedTimeout, Duration recoveryTimeout, BooleanSupplier connectionOpen) {
		this.blockedTimeout = blockedTimeout;
		this.recoveryTimeout = recoveryTimeout;
		this.connectionOpen = connectionOpen;
	}

	@Override
	public void handleBlocked(String reason) {
		this.blockedReason = reason;
	}

	@Override
	public void handleUnblocked() {
		clearBlocked();
	}

	@Override
	public void handleRecovery(Recoverable recoverable) {
		// A new connection starts unblocked (the broker says so again if the alarm persists),
		// and sends waiting for it to come back are woken with the blocked ones.
		clearBlocked();
	}

	@Override
	public void handleRecoveryStarted(Recoverable recoverable) {
	}

	private void clearBlocked() {
		synchronized (this.monitor) {
			this.blockedReason = null;
			this.monitor.notifyAll();
		}
	}

	boolean isBlocked() {
		return this.blockedReason != null;
	}

	@Nullable String blockedReason() {
		return this.blockedReason;
	}

	Duration blockedTimeout() {
		return this.blockedTimeout;
	}

	Duration recoveryTimeout() {
		return this.recoveryTimeout;
	}

	/**
	 * Return at once when the broker accepts publishes, else wait up to the blocked timeout.
	 * @param exchange the exchange being published to, for the message
	 * @param routingKey the routing key, for the message
	 * @throws BindingException if the connection is still blocked after the timeout
	 */
	void awaitUnblocked(String exchange, String routingKey) {
		if (this.blockedReason == null) {
			return;
		}
		long deadline = System.nanoTime() + this.blockedTimeout.toNanos();
		synchronized (this.monitor) {
			while (this.blockedReason != null) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw blockedFailure(exchange, routingKey);
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(this.monitor, left);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new BindingException("Interrupted while waiting for RabbitMQ to unblock publishing", ex);
				}
			}
		}
	}

	BindingException blockedFailure(String exchange, String routingKey) {
		return new BindingException("RabbitMQ blocks publishing (" + this.blockedReason + "), so nothing was sent to "
				+ PublisherLane.target(exchange, routingKey) + (this.blockedTimeout.isZero() ? "" : " within " + this.blockedTimeout.toMillis() + " ms")
				+ ": the broker has a resource alarm (memory or disk); free resources on the broker, or raise"
				+ " switchboard.amqp.blocked-timeout to wait longer");
	}

	/**
	 * Wait, up to the recovery timeout from {@code since}, for the publishing connection to be
	 * open again after a failure.
	 * @param since when the caller started waiting, from {@link System#nanoTime()}
	 * @return {@code true} if it is open, {@code false} when the time is up
	 */
	boolean awaitConnection(long since) {
		long deadline = since + this.recoveryTimeout.toNanos();
		synchronized (this.monitor) {
			while (!this.connectionOpen.getAsBoolean()) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(this.monitor, Math.min(left, POLL_NANOS));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
		}
		return true;
	}

}
