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
 */
public final class RawZmqSubject implements Subject {

	@Override
	public Running open(Scenario scenario, Probe probe) throws InterruptedException {
		Pattern pattern = scenario.pattern();
		boolean sendersBind = pattern == Pattern.PIPELINE || pattern == Pattern.PUB_SUB;
		List<String> endpoints = new ArrayList<>();
		for (int i = 0; i < (sendersBind ? scenario.senders() : 1); i++) {
			endpoints.add(Ports.freeLoopbackEndpoint());
		}
		RawZmq running = new RawZmq(new ZContext(1), new ZContext(1), pattern, endpoints, sendersBind, probe);
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

		private final Probe probe;

		private final AtomicInteger nextEndpoint = new AtomicInteger();

		private final CountDownLatch ready = new CountDownLatch(1);

		private final Thread receiver;

		private volatile boolean running = true;

		RawZmq(ZContext receiving, ZContext sending, Pattern pattern, List<String> endpoints, boolean sendersBind,
				Probe probe) {
			this.receiving = receiving;
			this.sending = sending;
			this.pattern = pattern;
			this.endpoints = endpoints;
			this.sendersBind = sendersBind;
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
				while (this.running) {
					byte[] message = socket.recv(0);
					if (message == null) {
						continue;
					}
					if (reply) {
						socket.send(message, 0);
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
					socket.send(payload, 0);
					if (call && socket.recv(0).length != payload.length) {
						throw new IllegalStateException("The reply is not the request echoed");
					}
				}

				@Override
				public void close() {
					socket.close();
				}

			};
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
