package dev.switchboard.listener;

import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.WireMessage;

import org.jspecify.annotations.Nullable;

/**
 * What the last listener invocation on the current thread threw, for code around the
 * Binder SPI (timers, tracing) that must tell a failed message from a handled one: the
 * {@link MessageDispatcher} contains every listener failure, so from outside a failed
 * pipeline or pub-sub message looks like any other. Listeners registered through
 * {@link ListenerEndpointRegistry} record here; bind a handler, call {@link #clear()},
 * handle, then read {@link #failure()} on the same thread.
 */
public final class ListenerOutcome {

	private static final ThreadLocal<@Nullable Throwable> FAILURE = new ThreadLocal<>();

	private ListenerOutcome() {
	}

	/**
	 * Forget the current thread's last failure, before handling a message.
	 */
	public static void clear() {
		FAILURE.remove();
	}

	/**
	 * What the last listener invocation on this thread threw since {@link #clear()}.
	 * @return the failure, or {@code null} if the last invocation returned normally
	 */
	public static @Nullable Throwable failure() {
		return FAILURE.get();
	}

	/**
	 * Wrap a listener so that each invocation records its outcome here.
	 * @param listener the listener
	 * @return the recording listener
	 */
	static MessageListenerAdapter recording(MessageListenerAdapter listener) {
		return new MessageListenerAdapter() {

			@Override
			public @Nullable Object onMessage(WireMessage message, ChannelSpec channel) throws Exception {
				try {
					Object result = listener.onMessage(message, channel);
					FAILURE.remove();
					return result;
				}
				catch (Exception | Error ex) {
					FAILURE.set(ex);
					throw ex;
				}
			}

			@Override
			public boolean returnsValue() {
				return listener.returnsValue();
			}

			@Override
			public String description() {
				return listener.description();
			}

		};
	}

}
