package dev.switchboard.zmq;

import java.nio.ByteBuffer;
import java.util.Map;

import dev.switchboard.binder.DeadLetter;
import dev.switchboard.binder.DeadLetterHandler;
import dev.switchboard.binder.LoggingDeadLetterHandler;
import dev.switchboard.core.ChannelStatistics;
import dev.switchboard.core.WireMessage;
import dev.switchboard.support.logging.RateLimitedLog;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The ZeroMQ binder's dead-letter path: ZeroMQ keeps no queue, so a dead letter goes to the
 * application's {@link DeadLetterHandler}. A handler that throws loses that dead letter but
 * never the worker that called it: the failure is logged, rate-limited per channel
 * ({@link RateLimitedLog}: with its stack trace the first time, then at most a line a minute
 * with a count), and the worker takes the next message.
 *
 * <p>Frames that do not parse as a message at all become {@link DeadLetter.Reason#UNDECODABLE
 * undecodable} dead letters too, carrying the frames as received (see
 * {@link #framesPayload(byte[][])}). They are already counted and logged (rate-limited) by
 * {@link MalformedMessages}, so the default {@link LoggingDeadLetterHandler}, which would log
 * each again and let a hostile peer flood the log, does not get them.
 */
final class DeadLetters {

	/**
	 * The header a dead letter made of unparseable frames carries: how many frames its
	 * payload holds.
	 */
	static final String FRAMES_HEADER = "switchboard-zmq-frames";

	private static final Log logger = LogFactory.getLog(DeadLetters.class);

	private final String channel;

	private final DeadLetterHandler handler;

	private final ChannelStatistics statistics;

	private final RateLimitedLog failures = new RateLimitedLog(logger);

	DeadLetters(String channel, DeadLetterHandler handler, ChannelStatistics statistics) {
		this.channel = channel;
		this.handler = handler;
		this.statistics = statistics;
	}

	/**
	 * Hand a dead letter that core has counted to the handler.
	 * @param deadLetter the dead letter
	 */
	void deliver(DeadLetter deadLetter) {
		try {
			this.handler.handle(deadLetter);
		}
		catch (RuntimeException | LinkageError | AssertionError ex) {
			String message = "Channel '" + this.channel + "': the DeadLetterHandler failed, so this dead letter is lost: "
					+ deadLetter.describe();
			this.failures.error(message + "; handler failure: " + ex, ex);
		}
	}

	/**
	 * Route frames that do not parse to the dead-letter path, counted as dead-lettered.
	 * @param frames the frames as received, routing frames excluded
	 * @param failure why they do not parse
	 */
	void undecodable(byte[][] frames, MalformedMessageException failure) {
		this.statistics.deadLettered();
		if (this.handler instanceof LoggingDeadLetterHandler) {
			return;
		}
		WireMessage message = WireMessage.of(framesPayload(frames))
			.withHeaders(Map.of(FRAMES_HEADER, Integer.toString(frames.length)));
		deliver(new DeadLetter(this.channel, message, DeadLetter.Reason.UNDECODABLE, 0, failure));
	}

	/**
	 * The payload of a dead letter made of frames: each frame as a big-endian u32 length
	 * followed by its bytes, in the order received.
	 * @param frames the frames
	 * @return the payload
	 */
	static byte[] framesPayload(byte[][] frames) {
		int size = 0;
		for (byte[] frame : frames) {
			size += Integer.BYTES + frame.length;
		}
		ByteBuffer out = ByteBuffer.allocate(size);
		for (byte[] frame : frames) {
			out.putInt(frame.length).put(frame);
		}
		return out.array();
	}

}
