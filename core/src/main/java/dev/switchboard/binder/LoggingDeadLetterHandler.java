package dev.switchboard.binder;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The {@link DeadLetterHandler} used when the application declares none: it logs each
 * dead letter once, at warn level with the failure's stack trace, and keeps nothing. The
 * dispatcher has counted it already.
 */
public final class LoggingDeadLetterHandler implements DeadLetterHandler {

	private static final Log logger = LogFactory.getLog(LoggingDeadLetterHandler.class);

	@Override
	public void handle(DeadLetter deadLetter) {
		logger.warn(deadLetter.describe() + "; dropped: declare a DeadLetterHandler bean to keep dead letters",
				deadLetter.failure());
	}

}
