package dev.switchboard.amqp;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import com.rabbitmq.client.ShutdownSignalException;
import dev.switchboard.BindingException;

import org.jspecify.annotations.Nullable;

/**
 * Turns what amqp-client throws into {@link BindingException}s that name the broker, the
 * user or the queue and say what to do, since a bare {@code IOException} with a
 * {@code ShutdownSignalException} inside says neither.
 */
final class BrokerFailures {

	/**
	 * AMQP reply code for a declaration whose arguments differ from the existing entity.
	 */
	static final int PRECONDITION_FAILED = 406;

	/**
	 * AMQP reply code for an exclusive resource another connection holds.
	 */
	static final int RESOURCE_LOCKED = 405;

	/**
	 * AMQP reply code for a resource the user may not touch, or an exclusive consumer clash.
	 */
	static final int ACCESS_REFUSED = 403;

	/**
	 * AMQP reply code for a queue or exchange that does not exist.
	 */
	static final int NOT_FOUND = 404;

	private BrokerFailures() {
	}

	/**
	 * Explain why a connection could not be opened.
	 * @param options where and as whom the binder connected
	 * @param failure what amqp-client threw
	 * @return the exception to throw
	 */
	static BindingException connectionFailed(AmqpConnectionOptions options, Exception failure) {
		String broker = "RabbitMQ at " + options.addresses();
		if (failure instanceof AuthenticationFailureException) {
			return new BindingException(broker + " refused the login of user '" + options.username()
					+ "': check switchboard.amqp.username and switchboard.amqp.password (the broker says: "
					+ failure.getMessage() + ")", failure);
		}
		if (failure instanceof PossibleAuthenticationFailureException) {
			return new BindingException(broker + " closed the connection during login as user '"
					+ options.username() + "' to virtual host '" + options.virtualHost()
					+ "': check the credentials and that the user may access the virtual host", failure);
		}
		ShutdownSignalException refusal = shutdownSignal(failure);
		if (refusal != null) {
			return new BindingException(broker + " refused the connection of user '" + options.username()
					+ "' to virtual host '" + options.virtualHost() + "': " + refusal.getMessage()
					+ "; check switchboard.amqp.virtual-host and the user's permissions", failure);
		}
		if (failure instanceof TimeoutException) {
			return new BindingException(broker + " did not complete the connection within "
					+ options.connectionTimeout().toMillis() + " ms: check that the address is a RabbitMQ broker"
					+ " and that it is not overloaded", failure);
		}
		String reason = (failure instanceof ConnectException || failure instanceof UnknownHostException)
				? failure.getClass().getSimpleName() + ": " + failure.getMessage() : String.valueOf(failure);
		return new BindingException("Cannot connect to " + broker + " (" + reason + "): start the broker"
				+ " (for example 'rabbitmq-server -detached') or set switchboard.amqp.addresses to where it runs",
				failure);
	}

	/**
	 * Explain why declaring a queue or exchange failed.
	 * @param channel the Switchboard channel
	 * @param kind {@code queue} or {@code exchange}
	 * @param name the queue or exchange name
	 * @param failure what amqp-client threw
	 * @return the exception to throw
	 */
	static BindingException declarationFailed(String channel, String kind, String name, Exception failure) {
		ShutdownSignalException signal = shutdownSignal(failure);
		int code = replyCode(signal);
		String reason = reason(failure);
		if (code == PRECONDITION_FAILED && reason.contains(DeadLetterQueues.DEAD_LETTER_EXCHANGE_ARGUMENT)) {
			return new BindingException("Channel '" + channel + "': queue '" + name + "' already exists on RabbitMQ"
					+ " with another dead-letter setting (" + reason + "), probably declared by an earlier version or"
					+ " another client without the " + DeadLetterQueues.DEAD_LETTER_EXCHANGE_ARGUMENT + " argument;"
					+ " drain it and delete it (rabbitmqctl delete_queue " + name + ") so that it is declared again with"
					+ " its dead-letter exchange, or set switchboard.channels." + channel + ".amqp.dead-letter-queue=false"
					+ " and dead-letter through a policy (rabbitmqctl set_policy ... '{\"dead-letter-exchange\":...}')",
					failure);
		}
		if (code == PRECONDITION_FAILED) {
			return new BindingException("Channel '" + channel + "': " + kind + " '" + name
					+ "' already exists on RabbitMQ with other settings (" + reason + "); delete it (rabbitmqctl delete_"
					+ kind + " " + name + ") or set switchboard.channels." + channel + ".amqp."
					+ kind + " to another name", failure);
		}
		if (code == ACCESS_REFUSED) {
			return new BindingException("Channel '" + channel + "': RabbitMQ refused access to " + kind + " '" + name
					+ "' (" + reason + "); grant the user configure, write and read permissions on it", failure);
		}
		return new BindingException("Channel '" + channel + "': could not declare " + kind + " '" + name
				+ "' on RabbitMQ (" + reason + ")", failure);
	}

	/**
	 * A one-line reason for a failure: the broker's own words when it closed the channel or
	 * connection, since amqp-client's {@code IOException}s often carry no message.
	 * @param failure what amqp-client threw
	 * @return the reason
	 */
	static String reason(Throwable failure) {
		ShutdownSignalException signal = shutdownSignal(failure);
		return (signal != null) ? signal.getMessage() : String.valueOf(failure);
	}

	/**
	 * The broker's reason for closing a channel or connection, if that is what failed.
	 * @param failure what amqp-client threw
	 * @return the shutdown signal, or {@code null}
	 */
	static @Nullable ShutdownSignalException shutdownSignal(@Nullable Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ShutdownSignalException signal) {
				return signal;
			}
		}
		return null;
	}

	/**
	 * The AMQP reply code carried by a shutdown signal.
	 * @param signal the signal, or {@code null}
	 * @return the reply code, or {@code 0} when there is none
	 */
	static int replyCode(@Nullable ShutdownSignalException signal) {
		if (signal == null) {
			return 0;
		}
		Object reason = signal.getReason();
		if (reason instanceof com.rabbitmq.client.AMQP.Channel.Close close) {
			return close.getReplyCode();
		}
		if (reason instanceof com.rabbitmq.client.AMQP.Connection.Close close) {
			return close.getReplyCode();
		}
		return 0;
	}

}
