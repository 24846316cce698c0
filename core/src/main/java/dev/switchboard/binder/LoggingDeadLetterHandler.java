package dev.switchboard.binder;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.switchboard.support.logging.RateLimitedLog;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The {@link DeadLetterHandler} used when the application declares none: it logs dead
 * letters and keeps nothing. The first of a channel is logged at warn level with the
 * failure's stack trace, later ones at most once a minute with a count, so a stream of
 * poison messages cannot flood the log; the dispatcher has counted every one of them
 * ({@code deadLettered}).
 */
public final class LoggingDeadLetterHandler implements DeadLetterHandler {

	private static final Log logger = LogFactory.getLog(LoggingDeadLetterHandler.class);

	private final Map<String, RateLimitedLog> logs = new ConcurrentHashMap<>();

	@Override
	public void handle(DeadLetter deadLetter) {
		this.logs.computeIfAbsent(deadLetter.channel(), (channel) -> new RateLimitedLog(logger))
			.warn(deadLetter.describe() + "; dropped: declare a DeadLetterHandler bean to keep dead letters",
					deadLetter.failure());
	}

}
