package dev.switchboard.binder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.Pattern;
import dev.switchboard.core.TopicFilter;
import dev.switchboard.core.WireMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InterceptedBinderTests {

	private final RecordingBinder binder = new RecordingBinder(
			(request) -> CompletableFuture.completedFuture(WireMessage.of("reply".getBytes())));

	private final List<String> calls = new ArrayList<>();

	@Test
	void withoutInterceptorsTheBinderIsReturnedAsItIs() {
		assertThat(InterceptedBinder.of(this.binder, List.of())).isSameAs(this.binder);
	}

	@Test
	void theFirstInterceptorIsOutermostAndMayChangeTheMessage() {
		Binder intercepted = InterceptedBinder.of(this.binder, List.of(new Naming("a"), new Naming("b")));
		intercepted.bindOutbound(ChannelSpec.of("tasks", Pattern.PIPELINE, "test")).send(WireMessage.of(new byte[0]));
		assertThat(this.calls).containsExactly("a send", "b send");
		assertThat(this.binder.sent).singleElement()
			.satisfies((message) -> assertThat(message.headers()).containsEntry("a", "yes").containsEntry("b", "yes"));
	}

	@Test
	void requestsPassThroughEveryInterceptor() {
		Binder intercepted = InterceptedBinder.of(this.binder, List.of(new Naming("a"), new Naming("b")));
		WireMessage reply = intercepted.bindRequester(ChannelSpec.of("echo", Pattern.REQUEST_REPLY, "test"))
			.request(WireMessage.of(new byte[0]), Duration.ofSeconds(1))
			.join();
		assertThat(new String(reply.payload())).isEqualTo("reply");
		assertThat(this.calls).containsExactly("a request", "b request");
	}

	@Test
	void inboundBindingsAreTheBindersOwnWithTheHandlerWrapped() {
		InboundSpec spec = new InboundSpec(null, null, 1);
		ChannelSpec channel = ChannelSpec.of("tasks", Pattern.PIPELINE, "test");
		List<WireMessage> handled = new ArrayList<>();
		Binder capturing = new Binder() {

			@Override
			public String transport() {
				return "test";
			}

			@Override
			public OutboundBinding bindOutbound(ChannelSpec channel) {
				throw new UnsupportedOperationException();
			}

			@Override
			public RequestBinding bindRequester(ChannelSpec channel) {
				throw new UnsupportedOperationException();
			}

			@Override
			public InboundBinding bindInbound(ChannelSpec channel, InboundSpec spec, InboundHandler handler) {
				handler.handle(WireMessage.of(new byte[0]));
				return InterceptedBinderTests.this.binder.bindInbound(channel, spec, handler);
			}

			@Override
			public BinderState state() {
				return BinderState.down("gone", Map.of());
			}

			@Override
			public void close() {
			}

		};
		Binder intercepted = InterceptedBinder.of(capturing, List.of(new Naming("a")));
		InboundBinding binding = intercepted.bindInbound(channel, spec, (message) -> {
			handled.add(message);
			return null;
		});
		assertThat(this.calls).containsExactly("a handle");
		assertThat(handled).hasSize(1);
		assertThat(binding.getClass().getName()).startsWith(RecordingBinder.class.getName());
		assertThat(intercepted.state().reason()).isEqualTo("gone");
	}

	@Test
	void aPubSubMessageTheTopicFilterRejectsNeverReachesTheInterceptorsOrTheHandler() {
		HandlerCapturing capturing = new HandlerCapturing();
		List<WireMessage> handled = new ArrayList<>();
		InterceptedBinder.of(capturing, List.of(new Naming("a")))
			.bindInbound(ChannelSpec.of("scores", Pattern.PUB_SUB, "test"),
					new InboundSpec(TopicFilter.of("scores.*"), null, 1), (message) -> {
						handled.add(message);
						return null;
					});
		WireMessage matching = WireMessage.of(new byte[0]).withTopic("scores.1");
		WireMessage rejected = WireMessage.of(new byte[0]).withTopic("scoresheet.1");
		WireMessage withoutTopic = WireMessage.of(new byte[0]);
		assertThat(capturing.handler.handle(rejected)).isNull();
		capturing.handler.handle(matching);
		capturing.handler.handle(withoutTopic);
		assertThat(this.calls).containsExactly("a handle", "a handle");
		assertThat(handled).containsExactly(matching, withoutTopic);
	}

	@Test
	void withoutATopicFilterEveryMessageReachesTheInterceptors() {
		HandlerCapturing capturing = new HandlerCapturing();
		InterceptedBinder.of(capturing, List.of(new Naming("a")))
			.bindInbound(ChannelSpec.of("tasks", Pattern.PIPELINE, "test"), new InboundSpec(null, null, 1),
					(message) -> null);
		capturing.handler.handle(WireMessage.of(new byte[0]).withTopic("anything"));
		assertThat(this.calls).containsExactly("a handle");
	}

	private static final class HandlerCapturing extends RecordingBinder {

		private InboundHandler handler = (message) -> null;

		HandlerCapturing() {
			super((request) -> new CompletableFuture<>());
		}

		@Override
		public InboundBinding bindInbound(ChannelSpec channel, InboundSpec spec, InboundHandler handler) {
			this.handler = handler;
			return super.bindInbound(channel, spec, handler);
		}

	}

	private final class Naming implements BindingInterceptor {

		private final String name;

		Naming(String name) {
			this.name = name;
		}

		@Override
		public void send(ChannelSpec channel, WireMessage message, OutboundBinding next) {
			InterceptedBinderTests.this.calls.add(this.name + " send");
			Map<String, String> headers = new HashMap<>(message.headers());
			headers.put(this.name, "yes");
			next.send(message.withHeaders(headers));
		}

		@Override
		public CompletableFuture<WireMessage> request(ChannelSpec channel, WireMessage request, Duration timeout,
				RequestBinding next) {
			InterceptedBinderTests.this.calls.add(this.name + " request");
			return next.request(request, timeout);
		}

		@Override
		public @Nullable WireMessage handle(ChannelSpec channel, WireMessage message, InboundHandler next) {
			InterceptedBinderTests.this.calls.add(this.name + " handle");
			return next.handle(message);
		}

	}

}
