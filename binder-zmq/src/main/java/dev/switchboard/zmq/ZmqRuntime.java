package dev.switchboard.zmq;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.jspecify.annotations.Nullable;
import org.zeromq.ZContext;

/**
 * What a binder creates only once a ZeroMQ channel is bound, so an application whose
 * channels all use another transport starts no ZeroMQ thread: the context and the timer
 * that expires requests.
 */
final class ZmqRuntime implements AutoCloseable {

	private final ZmqBinderOptions options;

	private @Nullable ZContext context;

	private @Nullable ScheduledThreadPoolExecutor timer;

	ZmqRuntime(ZmqBinderOptions options) {
		this.options = options;
	}

	synchronized ZContext context() {
		if (this.context == null) {
			ZContext context = new ZContext(this.options.ioThreads());
			context.setLinger((int) this.options.linger().toMillis());
			context.setThreadFactor((runnable, name) -> daemon(runnable, "switchboard-zmq-context-" + name));
			this.context = context;
		}
		return this.context;
	}

	synchronized ScheduledExecutorService timer() {
		if (this.timer == null) {
			ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
					(runnable) -> daemon(runnable, "switchboard-zmq-request-timeouts"));
			timer.setRemoveOnCancelPolicy(true);
			this.timer = timer;
		}
		return this.timer;
	}

	/**
	 * Stop the timer and terminate the context. Call after every socket is closed, or the
	 * context closes what is left from this thread as a last resort.
	 */
	@Override
	public synchronized void close() {
		if (this.timer != null) {
			this.timer.shutdownNow();
			this.timer = null;
		}
		if (this.context != null) {
			this.context.close();
			this.context = null;
		}
	}

	private static Thread daemon(Runnable runnable, String name) {
		Thread thread = new Thread(runnable, name);
		thread.setDaemon(true);
		return thread;
	}

}
