package dev.switchboard.zmq;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.switchboard.BindingException;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * Creates, configures, binds or connects sockets; called on the I/O thread that will own
 * them. Options are applied in a fixed order (binder options, then customizers, then the
 * monitor, then bind or connect) so customizers can override anything but endpoints.
 */
final class SocketOpener {

	private static final AtomicLong MONITORS = new AtomicLong();

	private final ZmqBinderOptions options;

	private final List<ZmqSocketCustomizer> customizers;

	SocketOpener(ZmqBinderOptions options, List<ZmqSocketCustomizer> customizers) {
		this.options = options;
		this.customizers = List.copyOf(customizers);
	}

	/**
	 * Open the socket a plan describes.
	 * @param context the context
	 * @param plan the plan
	 * @return the open socket and its monitor
	 * @throws BindingException if an endpoint cannot be bound or connected
	 */
	OpenSocket open(ZContext context, SocketPlan plan) {
		ZMQ.Socket socket = context.createSocket(plan.type());
		ZMQ.Socket monitor = null;
		try {
			configure(socket, plan);
			String monitorAddress = "inproc://switchboard-monitor-" + MONITORS.incrementAndGet();
			socket.monitor(monitorAddress, PeerMonitor.EVENTS);
			monitor = context.createSocket(SocketType.PAIR);
			monitor.connect(monitorAddress);
			return new OpenSocket(socket, monitor, attach(socket, plan));
		}
		catch (RuntimeException ex) {
			if (monitor != null) {
				context.destroySocket(monitor);
			}
			socket.setLinger(0);
			context.destroySocket(socket);
			throw ex;
		}
	}

	private void configure(ZMQ.Socket socket, SocketPlan plan) {
		socket.setLinger(this.options.linger().toMillis());
		socket.setSndHWM(plan.sendHighWaterMark());
		socket.setRcvHWM(plan.receiveHighWaterMark());
		socket.setMaxMsgSize(plan.maxMessageSize());
		socket.setReconnectIVL(this.options.reconnectInterval().toMillis());
		for (byte[] subscription : plan.subscriptions()) {
			socket.subscribe(subscription);
		}
		for (ZmqSocketCustomizer customizer : this.customizers) {
			customizer.customize(plan.channel(), socket);
		}
	}

	private static List<String> attach(ZMQ.Socket socket, SocketPlan plan) {
		List<String> endpoints = new ArrayList<>(plan.endpoints().size());
		for (String endpoint : plan.endpoints()) {
			try {
				if (plan.bind()) {
					socket.bind(endpoint);
					endpoints.add(socket.getLastEndpoint());
				}
				else {
					socket.connect(endpoint);
					endpoints.add(endpoint);
				}
			}
			catch (ZMQException | IllegalArgumentException ex) {
				throw failure(plan, endpoint, ex);
			}
		}
		return List.copyOf(endpoints);
	}

	private static BindingException failure(SocketPlan plan, String endpoint, RuntimeException ex) {
		String property = "switchboard.channels." + plan.channel() + ".zmq.endpoints";
		if (ex instanceof ZMQException failed && failed.getErrorCode() == zmq.ZError.EADDRINUSE) {
			return new BindingException("Channel '" + plan.channel() + "' cannot bind " + endpoint
					+ ": the address is already in use; choose another port in " + property
					+ " or stop the other process that holds it", ex);
		}
		return new BindingException("Channel '" + plan.channel() + "' cannot " + (plan.bind() ? "bind" : "connect")
				+ " " + endpoint + " (" + ex.getMessage() + "); check " + property
				+ " (tcp://host:port, ipc://path or inproc://name)", ex);
	}

}
