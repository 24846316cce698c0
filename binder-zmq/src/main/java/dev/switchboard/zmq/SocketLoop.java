package dev.switchboard.zmq;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.switchboard.BindingException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import zmq.ZError;

/**
 * The one thread that owns a socket. It opens the socket, sends what other threads queue,
 * reads what arrives and hands it to a {@link Receiver}, and closes the socket when told to
 * stop. Other threads never touch the socket and never interrupt this thread; they reach
 * it through a lock-free queue and a {@link Wakeup}.
 */
final class SocketLoop implements Runnable, Outbox {

	private static final Log logger = LogFactory.getLog(SocketLoop.class);

	private static final int RECEIVE_BATCH = 256;

	private static final int RELEASE_BATCH = 64;

	/**
	 * How many turns of the loop that sent or received something may pass before it reads
	 * the monitor and checks for stalled handshakes. Those checks are ZeroMQ calls that cost
	 * about as much as a send, and a busy loop that sends a message or two per turn made
	 * them on every turn; an idle loop still makes them before every sleep.
	 */
	private static final int HOUSEKEEPING_TURNS = 64;

	private static final long MAX_IDLE_MILLIS = 100;

	private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(30);

	private final ZContext context;

	private final SocketOpener opener;

	private final SocketPlan plan;

	private final Receiver receiver;

	private final Duration linger;

	private final int ioThreads;

	private final PeerMonitor peers;

	private final Queue<OutgoingMessage> outgoing = new ConcurrentLinkedQueue<>();

	private final Semaphore room;

	private final Wakeup wakeup = new Wakeup();

	private final CompletableFuture<List<String>> opened = new CompletableFuture<>();

	private final Thread thread;

	private volatile boolean running = true;

	/**
	 * Set once the thread has stopped sending: from then on nothing takes a message from
	 * {@link #outgoing} but the sender that queued it (see {@link #enqueue}).
	 */
	private volatile boolean stopped;

	private @Nullable OutgoingMessage blocked;

	private long sequence;

	private byte[][] received = new byte[4][];

	private final @Nullable TopicSequences topicSequences;

	private SocketLoop(ZContext context, SocketOpener opener, SocketPlan plan, Receiver receiver, Duration linger,
			int ioThreads, String threadName) {
		this.context = context;
		this.opener = opener;
		this.plan = plan;
		this.receiver = receiver;
		this.linger = linger;
		this.ioThreads = ioThreads;
		this.peers = new PeerMonitor(plan.channel(), plan.statistics(), plan.handshakes());
		this.room = new Semaphore(plan.sendHighWaterMark());
		this.topicSequences = (plan.type() == SocketType.PUB) ? new TopicSequences() : null;
		this.thread = new Thread(this, threadName);
		this.thread.setDaemon(true);
	}

	/**
	 * Start a thread that opens the socket, and wait until it is bound or connected; a
	 * connecting socket also waits up to {@code connectWait} for its handshakes, so that
	 * peers already there see it before the first message.
	 * @param context the context
	 * @param opener how to open the socket
	 * @param plan what to open
	 * @param receiver where received messages go
	 * @param options the binder options
	 * @param threadName the thread's name
	 * @return the running loop
	 * @throws BindingException if the socket cannot be opened
	 */
	static SocketLoop start(ZContext context, SocketOpener opener, SocketPlan plan, Receiver receiver,
			ZmqBinderOptions options, String threadName) {
		SocketLoop loop = new SocketLoop(context, opener, plan, receiver, options.linger(),
				options.ioThreads(), threadName);
		loop.thread.start();
		loop.awaitOpen(options.connectWait());
		return loop;
	}

	/**
	 * The endpoints the socket bound or connected.
	 * @return the resolved endpoints
	 */
	List<String> endpoints() {
		return this.opened.join();
	}

	/**
	 * How many peers are connected to the socket now.
	 * @return the number of peers that completed a handshake and have not disconnected
	 */
	int connectedPeers() {
		return this.peers.connectedPeers();
	}

	/**
	 * Whether the I/O thread still serves the socket.
	 * @return {@code false} once the socket closed or its thread stopped on an error
	 */
	boolean isRunning() {
		return this.running;
	}

	/**
	 * What the socket was opened with.
	 * @return the plan
	 */
	SocketPlan plan() {
		return this.plan;
	}

	/**
	 * Queue a message for the socket; any thread.
	 * @param message the frames to send
	 * @return {@code false} if the send high-water mark's worth of messages is already
	 * waiting for the socket
	 * @throws BindingException if the socket is closed
	 */
	@Override
	public boolean offer(OutgoingMessage message) {
		checkRunning();
		if (!this.room.tryAcquire()) {
			return false;
		}
		enqueue(message);
		return true;
	}

	/**
	 * Queue a message for the socket, waiting for room while the high-water mark's worth is
	 * already queued; any thread. A sender that outpaces the socket thus waits for it, as on
	 * a blocking ZeroMQ socket, instead of failing and retrying in a loop. A sender whose
	 * thread is interrupted is refused only when it would have to wait: one that finds room
	 * queues its message, as a publisher did before publishers waited.
	 * @param message the frames to send
	 * @param wait how long to wait for room
	 * @return {@code false} if no room came up within the wait
	 * @throws BindingException if the socket is closed, or the wait is interrupted
	 */
	boolean offer(OutgoingMessage message, Duration wait) {
		checkRunning();
		try {
			if (!this.room.tryAcquire() && !this.room.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
				return false;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BindingException("Channel '" + this.plan.channel() + "': interrupted while waiting for room in "
					+ "the ZeroMQ socket's queue", ex);
		}
		enqueue(message);
		return true;
	}

	private void checkRunning() {
		if (!this.running) {
			throw closed();
		}
	}

	private BindingException closed() {
		return new BindingException("Channel '" + this.plan.channel() + "': the ZeroMQ socket is closed");
	}

	/**
	 * Queue a message whose room was taken. A sender that waited for room while the socket
	 * closed wakes to find it closed. A message queued after the thread made its final count
	 * of what it never sent is taken back here, so that every message is either sent, counted
	 * as dropped by the thread, or refused to its sender, never left in the queue unseen.
	 */
	private void enqueue(OutgoingMessage message) {
		checkRunning();
		this.outgoing.add(message);
		if (this.stopped && this.outgoing.remove(message)) {
			throw closed();
		}
		this.wakeup.signal();
	}

	/**
	 * Tell the thread to close the socket and wait for it, at most the linger plus a second.
	 */
	void close() {
		if (!this.running) {
			return;
		}
		this.running = false;
		this.wakeup.signal();
		if (Thread.currentThread() != this.thread) {
			try {
				this.thread.join(this.linger.toMillis() + 1000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public void run() {
		OpenSocket socket = null;
		try {
			socket = this.opener.open(this.context, this.plan);
			this.opened.complete(socket.endpoints());
			serve(socket);
		}
		catch (RuntimeException | Error ex) {
			if (!this.opened.completeExceptionally(ex) && !contextClosed(ex)) {
				logger.error("Channel '" + this.plan.channel() + "': the ZeroMQ I/O thread stopped", ex);
			}
		}
		finally {
			this.running = false;
			this.stopped = true;
			dropUnsent();
			this.room.release(Integer.MAX_VALUE - this.room.availablePermits());
			if (socket != null) {
				this.context.destroySocket(socket.monitor());
				this.context.destroySocket(socket.socket());
			}
			this.wakeup.close();
		}
	}

	/**
	 * Whether the socket's thread stopped because the application closed the ZeroMQ context
	 * under it (JeroMQ's {@code ETERM}), which is a shutdown and not worth an error.
	 */
	private static boolean contextClosed(Throwable ex) {
		return ex instanceof ZMQException zmq && zmq.getErrorCode() == ZError.ETERM;
	}

	private void serve(OpenSocket socket) {
		try (SocketWait wait = new SocketWait(socket, this.wakeup)) {
			int busyTurns = 0;
			while (this.running) {
				boolean moved = flush(socket.socket());
				if (this.plan.receives()) {
					moved |= receive(socket.socket());
				}
				if (moved && ++busyTurns < HOUSEKEEPING_TURNS) {
					continue;
				}
				busyTurns = 0;
				readEvents(socket.monitor());
				if (idle(socket)) {
					sleep(socket, wait);
				}
				if (this.peers.stalled(System.nanoTime())) {
					IoThreadNudge.nudge(this.context, this.ioThreads);
				}
			}
			drain(socket, wait);
		}
	}

	/**
	 * Sleep until the socket, its monitor or a sender has something, unless a sender queued
	 * a message or {@link #close()} was called since the loop last looked.
	 */
	private void sleep(OpenSocket socket, SocketWait wait) {
		this.wakeup.sleeping();
		if (this.running && idle(socket)) {
			wait.await(pollTimeoutMillis());
			if (idle(socket)) {
				wait.pause();
			}
		}
		this.wakeup.awake();
	}

	/**
	 * Keep sending what other threads queued before the close, for up to the linger, as
	 * ZeroMQ itself does for what already reached the socket: a producer that closes right
	 * after its last send still hands its messages to a peer that connects in time. What no
	 * peer took by then is {@link #dropUnsent() counted as dropped} when the thread stops.
	 */
	private void drain(OpenSocket socket, SocketWait wait) {
		long deadline = System.nanoTime() + this.linger.toNanos();
		flush(socket.socket());
		while (this.blocked != null || !this.outgoing.isEmpty()) {
			long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
			if (remaining <= 0) {
				break;
			}
			this.wakeup.sleeping();
			wait.await(Math.min(remaining, MAX_IDLE_MILLIS));
			this.wakeup.awake();
			readEvents(socket.monitor());
			flush(socket.socket());
		}
	}

	/**
	 * Count what the thread never sent as dropped, taking each message out of the queue so
	 * that a sender racing the close cannot also refuse it, and log it once. Senders still
	 * waiting for room are woken afterwards and refused.
	 */
	private void dropUnsent() {
		long lost = (this.blocked != null) ? 1 : 0;
		this.blocked = null;
		while (this.outgoing.poll() != null) {
			lost++;
		}
		if (lost > 0) {
			this.plan.statistics().dropped(lost);
			logger.warn("Channel '" + this.plan.channel() + "': closed with " + lost + " message(s) no peer took within "
					+ "the linger of " + this.linger.toMillis() + " ms; raise switchboard.zmq.linger to wait longer");
		}
	}

	/**
	 * Whether there is nothing to do but wait. A ZeroMQ socket signals its pollable handle
	 * only on a change, and sending or receiving can consume that signal while messages
	 * remain, so the socket's own event flags are checked before every wait. Messages queued
	 * behind a message the socket refused wait for the socket to become writable, like that
	 * message: before, they kept the loop turning, and while a fast sender kept ZeroMQ's
	 * pipe full the loop spun on refused sends, taking the CPU the threads draining the
	 * pipe needed (on 2 cores the pipeline benchmark's producer socket thread was its
	 * busiest thread).
	 */
	private boolean idle(OpenSocket socket) {
		if (this.blocked == null && !this.outgoing.isEmpty()) {
			return false;
		}
		int events = socket.socket().getEvents();
		boolean writableNow = this.blocked != null && (events & ZMQ.Poller.POLLOUT) != 0;
		return !writableNow && (events & ZMQ.Poller.POLLIN) == 0
				&& (socket.monitor().getEvents() & ZMQ.Poller.POLLIN) == 0;
	}

	/**
	 * How long to wait for the socket, the monitor or a wakeup. Never forever: in about one
	 * run of the binder contract suite in two, a loop slept through a readiness change and a
	 * socket stopped reading (or a reply stopped leaving) with messages waiting in JeroMQ's
	 * pipes, until anything else woke it. The cause was not found in this loop (see
	 * {@link #idle(OpenSocket)} and {@link Wakeup}); looking again every
	 * {@value #MAX_IDLE_MILLIS} ms made 8 runs in a row clean, and costs an idle socket ten
	 * cheap wakeups a second. While a connection waits for its handshake the loop looks more
	 * often, to nudge JeroMQ in time (see {@link IoThreadNudge}).
	 */
	private long pollTimeoutMillis() {
		return this.peers.awaitingHandshake() ? TimeUnit.NANOSECONDS.toMillis(PeerMonitor.STALL_NANOS)
				: MAX_IDLE_MILLIS;
	}

	/**
	 * Send what is queued until the queue is empty or the socket refuses a message. The room
	 * the sent messages leave is given back {@value #RELEASE_BATCH} messages at a time (and
	 * at the end): a sender waiting for room then wakes to room for many messages, where
	 * giving it back per message could wake it for one at a time.
	 * @return whether a message was sent
	 */
	private boolean flush(ZMQ.Socket socket) {
		int sent = 0;
		boolean moved = false;
		try {
			while (true) {
				OutgoingMessage message = (this.blocked != null) ? this.blocked : this.outgoing.poll();
				if (message == null) {
					return moved;
				}
				if (!sendNow(socket, message)) {
					this.blocked = message;
					return moved;
				}
				moved = true;
				this.blocked = null;
				if (++sent == RELEASE_BATCH) {
					this.room.release(sent);
					sent = 0;
				}
			}
		}
		finally {
			if (sent > 0) {
				this.room.release(sent);
			}
		}
	}

	/**
	 * Send all frames, or none when the socket would block on the first one (a multipart
	 * message is accepted whole once its first frame is).
	 */
	private boolean sendNow(ZMQ.Socket socket, OutgoingMessage message) {
		byte[][] frames = message.frames();
		stamp(message);
		try {
			int last = frames.length - 1;
			if (!socket.send(frames[0], ZMQ.DONTWAIT | ((last > 0) ? ZMQ.SNDMORE : 0))) {
				return false;
			}
			for (int i = 1; i <= last; i++) {
				socket.send(frames[i], (i < last) ? ZMQ.SNDMORE : 0);
			}
			this.sequence++;
		}
		catch (ZMQException ex) {
			this.plan.statistics().dropped();
			logger.warn("Channel '" + this.plan.channel() + "': dropped a message the socket refused: " + ex);
		}
		return true;
	}

	/**
	 * Number an envelope message as it goes out: per topic on a publisher (its topic frame
	 * comes first), per socket elsewhere. A PUB never refuses a message, so a publisher's
	 * number is used even when ZeroMQ then drops the message at a subscriber's high-water
	 * mark, which is the gap the subscriber sees.
	 */
	private void stamp(OutgoingMessage message) {
		int index = message.headerIndex();
		if (index < 0) {
			return;
		}
		byte[][] frames = message.frames();
		if (this.topicSequences != null && index > 0) {
			this.topicSequences.stamp(frames[0], frames[index]);
		}
		else {
			EnvelopeHeader.stampSequence(frames[index], this.sequence);
		}
	}

	/**
	 * Read up to {@value #RECEIVE_BATCH} messages. Frames collect in a scratch array that
	 * grows for long messages and is copied once per message to its exact length, as the
	 * frames go on to another thread.
	 * @return whether a message was received
	 */
	private boolean receive(ZMQ.Socket socket) {
		for (int i = 0; i < RECEIVE_BATCH; i++) {
			byte[] frame = socket.recv(ZMQ.DONTWAIT);
			if (frame == null) {
				return i > 0;
			}
			byte[][] frames = this.received;
			frames[0] = frame;
			int count = 1;
			while (socket.hasReceiveMore()) {
				if (count == frames.length) {
					frames = Arrays.copyOf(frames, count * 2);
					this.received = frames;
				}
				frames[count++] = socket.recv();
			}
			deliver(Arrays.copyOf(frames, count));
			Arrays.fill(frames, 0, count, null);
		}
		return true;
	}

	private void deliver(byte[][] frames) {
		try {
			this.receiver.receive(frames, this);
		}
		catch (RuntimeException ex) {
			this.plan.statistics().dropped();
			logger.warn("Channel '" + this.plan.channel() + "': dropped a received message", ex);
		}
	}

	private void readEvents(ZMQ.Socket monitor) {
		ZMQ.Event event;
		while ((event = ZMQ.Event.recv(monitor, ZMQ.DONTWAIT)) != null) {
			this.peers.onEvent(event.getEvent(), event.getValue());
		}
	}

	private void awaitOpen(Duration connectWait) {
		try {
			this.opened.get(OPEN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			this.peers.settled().get(connectWait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof BindingException binding) ? binding
					: new BindingException("Channel '" + this.plan.channel() + "' cannot open its ZeroMQ socket: "
							+ ex.getCause(), ex.getCause());
		}
		catch (TimeoutException ex) {
			if (!this.opened.isDone()) {
				close();
				throw new BindingException("Channel '" + this.plan.channel() + "': the ZeroMQ socket did not open within "
						+ OPEN_TIMEOUT.toSeconds() + " s", ex);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			close();
			throw new BindingException("Interrupted while opening channel '" + this.plan.channel() + "'", ex);
		}
	}

}
