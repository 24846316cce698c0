package dev.switchboard.benchmarks.zmq;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.switchboard.benchmarks.Ports;
import dev.switchboard.benchmarks.Probe;
import dev.switchboard.benchmarks.Scenario;
import dev.switchboard.benchmarks.Subject;
import dev.switchboard.core.Pattern;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Raw JeroMQ over tcp loopback: PUSH/PULL, PUB/SUB, REQ/REP or PAIR, one socket per thread,
 * single-frame messages, JeroMQ's default high-water marks (1000, as Switchboard's). As in
 * Switchboard's defaults, PUSH and PUB bind (one endpoint per sending thread, the receiver
 * connects to all of them), while REP and the receiving PAIR bind for their callers. The
 * receiving and the sending side each have their own context, as two applications would
 * (and as the Switchboard subject's two Spring contexts do).
 *
 * <p>As a reference it can send given frames before each payload, as many and as long as
 * Switchboard's envelope framing sends: its receiver then reads every frame of a message
 * (until JeroMQ says no more follow) and counts one message, and REP echoes them all.
 */
public final class RawZmqSubject implements Subject {

	private final List<byte[]> leadingFrames;

	/**
	 * The baseline: one frame per message.
	 */
	public RawZmqSubject() {
		this(List.of());
	}

	/**
	 * A reference that sends these frames, unchanged, before each payload.
	 * @param leadingFrames the frames to send first
	 */
	public RawZmqSubject(List<byte[]> leadingFrames) {
		this.leadingFrames = List.copyOf(leadingFrames);
	}

	@Override
	public Running open(Scenario scenario, Probe probe) throws InterruptedException {
		Pattern pattern = scenario.pattern();
		boolean sendersBind = pattern == Pattern.PIPELINE || pattern == Pattern.PUB_SUB;
		List<String> endpoints = new ArrayList<>();
		for (int i = 0; i < (sendersBind ? scenario.senders() : 1); i++) {
			endpoints.add(Ports.freeLoopbackEndpoint());
		}
		RawZmq running = new RawZmq(new ZContext(1), new ZContext(1), pattern, endpoints, sendersBind,
				this.leadingFrames, probe);
		running.start();
		return running;
	}

	private static SocketType senderType(Pattern pattern) {
		return switch (pattern) {
			case PIPELINE -> SocketType.PUSH;
			case PUB_SUB -> SocketType.PUB;
			case REQUEST_REPLY -> SocketType.REQ;
			case PAIR -> SocketType.PAIR;
		};
	}

	private static SocketType receiverType(Pattern pattern) {
		return switch (pattern) {
			case PIPELINE -> SocketType.PULL;
			case PUB_SUB -> SocketType.SUB;
			case REQUEST_REPLY -> SocketType.REP;
			case PAIR -> SocketType.PAIR;
		};
	}

	/**
	 * The receiving socket's thread and the senders' sockets.
	 */
	private static final class RawZmq implements Running {

		private final ZContext receiving;

		private final ZContext sending;

		private final Pattern pattern;

		private final List<String> endpoints;

		private final boolean sendersBind;

		private final byte[][] leadingFrames;

		/** Whether a message has more than one frame, so that the receiving side asks for more. */
		private final boolean multipart;

		private final Probe probe;

		private final AtomicInteger nextEndpoint = new AtomicInteger();

		private final CountDownLatch ready = new CountDownLatch(1);

		private final Thread receiver;

		private volatile boolean running = true;

		RawZmq(ZContext receiving, ZContext sending, Pattern pattern, List<String> endpoints, boolean sendersBind,
				List<byte[]> leadingFrames, Probe probe) {
			this.receiving = receiving;
			this.sending = sending;
			this.pattern = pattern;
			this.endpoints = endpoints;
			this.sendersBind = sendersBind;
			this.leadingFrames = leadingFrames.toArray(new byte[0][]);
			this.multipart = !leadingFrames.isEmpty();
			this.probe = probe;
			this.receiver = new Thread(this::receive, "raw-zmq-receiver");
		}

		void start() throws InterruptedException {
			this.receiver.start();
			if (!this.ready.await(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("The receiving socket did not start");
			}
		}

		private void receive() {
			ZMQ.Socket socket = this.receiving.createSocket(receiverType(this.pattern));
			try {
				socket.setLinger(0);
				socket.setReceiveTimeOut(100);
				if (this.pattern == Pattern.PUB_SUB) {
					socket.subscribe(new byte[0]);
				}
				for (String endpoint : this.endpoints) {
					if (this.sendersBind) {
						socket.connect(endpoint);
					}
					else {
						socket.bind(endpoint);
					}
				}
				this.ready.countDown();
				boolean reply = this.pattern == Pattern.REQUEST_REPLY;
				byte[][] frames = new byte[this.leadingFrames.length + 1][];
				while (this.running) {
					byte[] first = socket.recv(0);
					if (first == null) {
						continue;
					}
					frames[0] = first;
					int count = 1;
					while (this.multipart && socket.hasReceiveMore()) {
						frames[count++] = socket.recv(0);
					}
					if (reply) {
						send(socket, frames, count);
					}
					else {
						this.probe.received();
					}
				}
			}
			finally {
				socket.close();
			}
		}

		@Override
		public Sender newSender() {
			ZMQ.Socket socket = this.sending.createSocket(senderType(this.pattern));
			socket.setLinger(0);
			if (this.sendersBind) {
				socket.bind(this.endpoints.get(this.nextEndpoint.getAndIncrement()));
			}
			else {
				socket.connect(this.endpoints.get(0));
			}
			boolean call = this.pattern == Pattern.REQUEST_REPLY;
			return new Sender() {

				@Override
				public void send(byte[] payload) {
					for (byte[] frame : RawZmq.this.leadingFrames) {
						socket.send(frame, ZMQ.SNDMORE);
					}
					socket.send(payload, 0);
					if (call && lastFrame(socket).length != payload.length) {
						throw new IllegalStateException("The reply is not the request echoed");
					}
				}

				@Override
				public void close() {
					socket.close();
				}

			};
		}

		private static void send(ZMQ.Socket socket, byte[][] frames, int count) {
			for (int i = 0; i < count - 1; i++) {
				socket.send(frames[i], ZMQ.SNDMORE);
			}
			socket.send(frames[count - 1], 0);
		}

		private byte[] lastFrame(ZMQ.Socket socket) {
			byte[] frame = socket.recv(0);
			while (this.multipart && socket.hasReceiveMore()) {
				frame = socket.recv(0);
			}
			return frame;
		}

		@Override
		public void close() throws InterruptedException {
			this.running = false;
			this.receiver.join(5_000);
			this.sending.close();
			this.receiving.close();
		}

	}

}
