package dev.switchboard.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

import com.sun.management.ThreadMXBean;

/**
 * Bytes allocated by every thread of this JVM between two points, from HotSpot's per-thread
 * allocation counters ({@code ThreadMXBean.getThreadAllocatedBytes}). Sender and receiver of
 * a measurement live in the same JVM, so this covers both sides of the hot path. Threads
 * that end inside the window are not counted; the warm-up starts every thread the window
 * uses, so none should.
 */
final class AllocationMeter {

	private static final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

	private final Map<Long, Long> start;

	private AllocationMeter(Map<Long, Long> start) {
		this.start = start;
	}

	static AllocationMeter start() {
		threads.setThreadAllocatedMemoryEnabled(true);
		return new AllocationMeter(snapshot());
	}

	long allocatedSinceStart() {
		long total = 0;
		for (Map.Entry<Long, Long> thread : snapshot().entrySet()) {
			total += thread.getValue() - this.start.getOrDefault(thread.getKey(), 0L);
		}
		return total;
	}

	private static Map<Long, Long> snapshot() {
		long[] ids = threads.getAllThreadIds();
		long[] bytes = threads.getThreadAllocatedBytes(ids);
		Map<Long, Long> snapshot = new HashMap<>(ids.length * 2);
		for (int i = 0; i < ids.length; i++) {
			if (bytes[i] >= 0) {
				snapshot.put(ids[i], bytes[i]);
			}
		}
		return snapshot;
	}

}
