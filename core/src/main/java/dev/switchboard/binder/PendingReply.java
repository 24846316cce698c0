package dev.switchboard.binder;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.switchboard.core.WireMessage;

/**
 * One request waiting for its reply: what {@link PendingReplies} keeps by correlation id and
 * {@link RequestDeadlines} keeps in deadline order. Requests compare by deadline, then by
 * correlation id, which is unique among the requests of one binding, so no two compare equal.
 *
 * @param correlationId the id the reply will carry
 * @param deadline when it times out, in {@link RequestDeadlines}' time
 * @param timeout the timeout it was given, for the exception
 * @param reply the future its caller waits on
 */
record PendingReply(String correlationId, long deadline, Duration timeout,
		CompletableFuture<WireMessage> reply) implements Comparable<PendingReply> {

	@Override
	public int compareTo(PendingReply other) {
		int byDeadline = Long.compare(this.deadline, other.deadline);
		return (byDeadline != 0) ? byDeadline : this.correlationId.compareTo(other.correlationId);
	}

}
