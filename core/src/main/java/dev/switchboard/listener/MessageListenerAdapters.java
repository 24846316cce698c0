package dev.switchboard.listener;

import java.util.function.Consumer;
import java.util.function.Function;

import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.WireMessage;
import dev.switchboard.support.converter.PayloadConverter;

import org.jspecify.annotations.Nullable;

/**
 * Listener adapters for code that registers listeners without annotations, such as tests
 * and programmatic configuration.
 */
public final class MessageListenerAdapters {

	private MessageListenerAdapters() {
	}

	/**
	 * A listener that returns a reply, for request-reply (or pair) channels.
	 * @param <T> the payload type
	 * @param converter the payload converter
	 * @param payloadType the payload type
	 * @param function the listener
	 * @return the adapter
	 */
	public static <T> MessageListenerAdapter replying(PayloadConverter converter, Class<T> payloadType,
			Function<? super T, ?> function) {
		return new FunctionAdapter<>(converter, payloadType, function, true);
	}

	/**
	 * A listener without a reply, for pub-sub, pipeline and pair channels.
	 * @param <T> the payload type
	 * @param converter the payload converter
	 * @param payloadType the payload type
	 * @param consumer the listener
	 * @return the adapter
	 */
	public static <T> MessageListenerAdapter consuming(PayloadConverter converter, Class<T> payloadType,
			Consumer<? super T> consumer) {
		return new FunctionAdapter<>(converter, payloadType, (payload) -> {
			consumer.accept(payload);
			return null;
		}, false);
	}

	private record FunctionAdapter<T>(PayloadConverter converter, Class<T> payloadType,
			Function<? super T, ?> function, boolean returnsValue) implements MessageListenerAdapter {

		@Override
		public @Nullable Object onMessage(WireMessage message, ChannelSpec channel) {
			return this.function.apply(this.payloadType.cast(this.converter.fromWire(message, this.payloadType, null)));
		}

		@Override
		public String description() {
			return "listener of " + this.payloadType.getSimpleName();
		}

	}

}
