package dev.switchboard.zmq;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Works around a JeroMQ 0.6.0 defect that can leave a freshly connected TCP socket deaf.
 *
 * <p>When an outgoing connection completes, JeroMQ's I/O thread cancels the connecter's
 * selection key and registers the new stream engine for the same channel. If both happen
 * before the I/O thread's next registration pass (its {@code zmq.poll.Poller} "retired"
 * pass), that pass still finds the cancelled key ({@code keyFor} returns it until the next
 * {@code select}), neither re-registers nor updates it, and the engine never hears that the
 * peer's greeting arrived: the handshake stalls, and messages queued for that peer wait,
 * until some unrelated socket activity makes the I/O thread run another registration pass.
 *
 * <p>This class makes that activity happen: it binds and closes a throwaway listener on
 * each I/O thread of the context, which costs one loopback listen and no traffic. A
 * {@link PeerMonitor} asks for it only when a connection has waited too long for its
 * handshake.
 */
final class IoThreadNudge {

	private IoThreadNudge() {
	}

	/**
	 * Make every I/O thread of {@code context} run a registration pass. Creates and closes
	 * its sockets on the calling thread.
	 * @param context the context
	 * @param ioThreads how many I/O threads the context has
	 */
	static void nudge(ZContext context, int ioThreads) {
		for (int thread = 0; thread < Math.min(ioThreads, Long.SIZE); thread++) {
			ZMQ.Socket listener = context.createSocket(SocketType.PAIR);
			try {
				listener.setLinger(0);
				listener.setAffinity(1L << thread);
				listener.bind("tcp://127.0.0.1:*");
			}
			finally {
				context.destroySocket(listener);
			}
		}
	}

}
