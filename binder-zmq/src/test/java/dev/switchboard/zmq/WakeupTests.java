package dev.switchboard.zmq;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wakeup protocol between senders and a socket's I/O thread: a signal reaches the pipe
 * only while the thread has announced a sleep, and ending the sleep leaves the pipe empty.
 */
class WakeupTests {

	@Test
	void signalWhileTheThreadIsBusyWritesNothing() throws IOException {
		try (Wakeup wakeup = new Wakeup()) {
			wakeup.signal();
			assertThat(pending(wakeup)).isZero();
		}
	}

	@Test
	void signalDuringASleepWritesOnceHoweverManySendersSignal() throws IOException {
		try (Wakeup wakeup = new Wakeup()) {
			wakeup.sleeping();
			wakeup.signal();
			wakeup.signal();
			wakeup.signal();
			assertThat(readable(wakeup)).isTrue();
			wakeup.awake();
			assertThat(pending(wakeup)).isZero();
		}
	}

	@Test
	void aSleepAfterASignalThatCameLateEndsAtOnceAndThenDrains() throws IOException {
		try (Wakeup wakeup = new Wakeup()) {
			wakeup.sleeping();
			wakeup.signal();
			wakeup.sleeping();
			assertThat(readable(wakeup)).isTrue();
			wakeup.awake();
			assertThat(readable(wakeup)).isFalse();
			wakeup.sleeping();
			wakeup.signal();
			assertThat(readable(wakeup)).isTrue();
		}
	}

	@Test
	void signalCutsAPauseShort() throws InterruptedException {
		try (Wakeup wakeup = new Wakeup()) {
			CountDownLatch pausing = new CountDownLatch(1);
			CountDownLatch resumed = new CountDownLatch(1);
			Thread thread = new Thread(() -> {
				wakeup.sleeping();
				pausing.countDown();
				wakeup.pause(TimeUnit.MINUTES.toNanos(10));
				wakeup.awake();
				resumed.countDown();
			});
			thread.setDaemon(true);
			thread.start();
			assertThat(pausing.await(10, TimeUnit.SECONDS)).isTrue();
			while (!resumed.await(10, TimeUnit.MILLISECONDS)) {
				wakeup.signal();
			}
			thread.join(10_000);
			assertThat(thread.isAlive()).isFalse();
		}
	}

	private static boolean readable(Wakeup wakeup) throws IOException {
		try (Selector selector = Selector.open()) {
			SelectionKey key = wakeup.source().register(selector, SelectionKey.OP_READ);
			boolean ready = selector.selectNow() > 0;
			key.cancel();
			selector.selectNow();
			return ready;
		}
	}

	private static int pending(Wakeup wakeup) throws IOException {
		return ((ReadableByteChannel) wakeup.source()).read(ByteBuffer.allocate(16));
	}

}
