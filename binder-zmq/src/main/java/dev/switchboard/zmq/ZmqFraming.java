package dev.switchboard.zmq;

/**
 * How a ZeroMQ channel lays a message out in frames.
 */
public enum ZmqFraming {

	/**
	 * One frame holding the payload bytes, exactly what plain ZeroMQ programs send; no
	 * content type, headers or error replies travel, and a pub-sub topic is the start of the
	 * payload.
	 */
	RAW,

	/**
	 * A versioned header frame (content type, correlation id, trace context, user headers)
	 * followed by the payload frame, preceded by a topic frame on pub-sub channels.
	 */
	ENVELOPE

}
