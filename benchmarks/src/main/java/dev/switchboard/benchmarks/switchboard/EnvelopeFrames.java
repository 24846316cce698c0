package dev.switchboard.benchmarks.switchboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.switchboard.benchmarks.Ports;
import dev.switchboard.benchmarks.Scenario;
import dev.switchboard.core.Pattern;
import dev.switchboard.core.SwitchboardOperations;

import org.springframework.context.ConfigurableApplicationContext;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The frames Switchboard's envelope framing puts before a payload (the topic frame on
 * pub-sub, then the header frame), read off the wire: a sending context set up as the
 * Switchboard subject's sends one message of the scenario's payload size to a plain JeroMQ
 * socket. Capturing them, rather than computing a length, keeps the raw-envelope-frames
 * reference true to whatever the header holds by default (content type, correlation id,
 * anything added later).
 */
public final class EnvelopeFrames {

	/** How long to wait for the first message: a subscriber joins a publisher late. */
	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final int POLL_MILLIS = 50;

	private EnvelopeFrames() {
	}

	/**
	 * Capture the frames before the payload, without the routing frames of a request.
	 * @param scenario the ZeroMQ scenario whose pattern and payload size to use
	 * @return the frames, in order
	 */
	public static List<byte[]> capture(Scenario scenario) {
		Pattern pattern = scenario.pattern();
		String endpoint = Ports.freeLoopbackEndpoint();
		try (ZContext zmq = new ZContext(1);
				ConfigurableApplicationContext sender = SwitchboardSubject
					.context(SwitchboardSubject.settings(scenario, endpoint), pattern, false)
					.run()) {
			ZMQ.Socket socket = zmq.createSocket(socketType(pattern));
			socket.setLinger(0);
			socket.setReceiveTimeOut(POLL_MILLIS);
			if (pattern == Pattern.PUB_SUB) {
				socket.subscribe(new byte[0]);
			}
			boolean switchboardBinds = pattern == Pattern.PIPELINE || pattern == Pattern.PUB_SUB;
			if (switchboardBinds) {
				socket.connect(endpoint);
			}
			else {
				socket.bind(endpoint);
			}
			List<byte[]> frames = receive(socket, sender.getBean(SwitchboardOperations.class), pattern,
					new byte[scenario.payloadBytes()]);
			int start = (pattern == Pattern.REQUEST_REPLY) ? afterDelimiter(frames) : 0;
			return List.copyOf(frames.subList(start, frames.size() - 1));
		}
	}

	/**
	 * Send until a message arrives (what a publisher sends before the subscriber has joined
	 * is lost), and return its frames.
	 */
	private static List<byte[]> receive(ZMQ.Socket socket, SwitchboardOperations template, Pattern pattern,
			byte[] payload) {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			send(template, pattern, payload);
			byte[] frame = socket.recv(0);
			if (frame != null) {
				List<byte[]> frames = new ArrayList<>(List.of(frame));
				while (socket.hasReceiveMore()) {
					frames.add(socket.recv(0));
				}
				return frames;
			}
		}
		throw new IllegalStateException("No " + pattern.id() + " message from Switchboard within " + TIMEOUT);
	}

	/**
	 * Send one message as the Switchboard subject does; a request is not waited for, as
	 * nothing here replies (closing the context fails it).
	 */
	private static void send(SwitchboardOperations template, Pattern pattern, byte[] payload) {
		switch (pattern) {
			case PIPELINE, PAIR -> template.send(SwitchboardSubject.CHANNEL, payload);
			case PUB_SUB -> template.publish(SwitchboardSubject.CHANNEL, SwitchboardSubject.TOPIC, payload);
			case REQUEST_REPLY -> template.requestAsync(SwitchboardSubject.CHANNEL, payload, byte[].class);
		}
	}

	/**
	 * Where a request that a ROUTER received starts: after the routing frames (the caller's
	 * identity, Switchboard's correlation frame) and the empty delimiter.
	 */
	private static int afterDelimiter(List<byte[]> frames) {
		for (int i = 0; i < frames.size(); i++) {
			if (frames.get(i).length == 0) {
				return i + 1;
			}
		}
		throw new IllegalStateException("A request without an empty delimiter frame");
	}

	/**
	 * A plain socket that receives what Switchboard's sending side of the pattern sends; a
	 * ROUTER for requests, since Switchboard calls from a DEALER.
	 */
	private static SocketType socketType(Pattern pattern) {
		return switch (pattern) {
			case PIPELINE -> SocketType.PULL;
			case PUB_SUB -> SocketType.SUB;
			case REQUEST_REPLY -> SocketType.ROUTER;
			case PAIR -> SocketType.PAIR;
		};
	}

}
