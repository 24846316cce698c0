package dev.switchboard.annotation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.switchboard.ChannelConfigurationException;
import dev.switchboard.binder.BinderRegistry;
import dev.switchboard.binder.RecordingBinder;
import dev.switchboard.core.ChannelRegistry;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.Pattern;
import dev.switchboard.core.SwitchboardHeaders;
import dev.switchboard.core.SwitchboardTemplate;
import dev.switchboard.core.WireMessage;
import dev.switchboard.listener.ListenerEndpoint;
import dev.switchboard.listener.ListenerEndpointRegistry;
import dev.switchboard.support.converter.PayloadConverter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AnnotationProcessingTests {

	@Test
	void messageListenerMethodsBecomeEndpointsBoundOnStart() {
		try (AnnotationConfigApplicationContext context = context(Listeners.class)) {
			List<ListenerEndpoint> endpoints = context.getBean(ListenerEndpointRegistry.class).getEndpoints();
			assertThat(endpoints).extracting(ListenerEndpoint::id)
				.containsExactlyInAnyOrder("listeners.echo", "scores-subscriber");
			ListenerEndpoint subscriber = endpoints.stream()
				.filter((endpoint) -> endpoint.id().equals("scores-subscriber"))
				.findFirst()
				.orElseThrow();
			assertThat(subscriber.topic()).isEqualTo("game.*");
			assertThat(subscriber.concurrency()).isEqualTo(3);
			assertThat(context.getBean(RecordingBinder.class).inbound).extracting(ChannelSpec::name)
				.containsExactlyInAnyOrder("echo", "scores");
		}
	}

	@Test
	void publisherReturnValueIsPublishedOnItsTopic() {
		try (AnnotationConfigApplicationContext context = context(Publishers.class)) {
			Publishers publishers = context.getBean(Publishers.class);
			assertThat(publishers.score()).isEqualTo("1-0");
			publishers.task();
			publishers.perCallTopic();
			List<WireMessage> sent = context.getBean(RecordingBinder.class).sent;
			assertThat(sent).extracting(WireMessage::topic).containsExactly("game.1", null, "game.7");
			assertThat(new String(sent.get(1).payload(), StandardCharsets.UTF_8)).isEqualTo("task");
		}
	}

	@Test
	void publisherReturningNullSendsNothing() {
		try (AnnotationConfigApplicationContext context = context(Publishers.class)) {
			context.getBean(Publishers.class).nothing();
			assertThat(context.getBean(RecordingBinder.class).sent).isEmpty();
		}
	}

	@Test
	void listenerOnUndefinedChannelFailsStartupNamingBeanMethodAndFix() {
		assertThatExceptionOfType(BeanCreationException.class).isThrownBy(() -> context(Misplaced.class))
			.havingRootCause()
			.isInstanceOf(ChannelConfigurationException.class)
			.withMessageContaining("bean 'misplaced'")
			.withMessageContaining("Misplaced.onMissing")
			.withMessageContaining("switchboard.channels.missing.pattern");
	}

	@Test
	void publisherToRequestReplyChannelFailsStartup() {
		assertThatExceptionOfType(BeanCreationException.class).isThrownBy(() -> context(WrongPublisher.class))
			.havingRootCause()
			.withMessageContaining("@Publisher on bean 'wrongPublisher'")
			.withMessageContaining("call SwitchboardTemplate.request(...) instead");
	}

	@Test
	void nonNumericConcurrencyFailsStartup() {
		assertThatExceptionOfType(BeanCreationException.class).isThrownBy(() -> context(BadConcurrency.class))
			.havingRootCause()
			.withMessageContaining("has concurrency 'many'");
	}

	private static AnnotationConfigApplicationContext context(Class<?> userBean) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.register(Infrastructure.class);
		context.registerBean(beanName(userBean), userBean);
		context.refresh();
		return context;
	}

	private static String beanName(Class<?> type) {
		return Character.toLowerCase(type.getSimpleName().charAt(0)) + type.getSimpleName().substring(1);
	}

	@Configuration(proxyBeanMethods = false)
	static class Infrastructure {

		@Bean
		static MessageListenerAnnotationBeanPostProcessor listenerPostProcessor() {
			return new MessageListenerAnnotationBeanPostProcessor();
		}

		@Bean
		static PublisherAnnotationBeanPostProcessor publisherPostProcessor() {
			return new PublisherAnnotationBeanPostProcessor();
		}

		@Bean
		ChannelRegistry channelRegistry() {
			return new ChannelRegistry(List.of(ChannelSpec.of("echo", Pattern.REQUEST_REPLY, "test"),
					ChannelSpec.of("scores", Pattern.PUB_SUB, "test"), ChannelSpec.of("tasks", Pattern.PIPELINE, "test")));
		}

		@Bean
		RecordingBinder binder() {
			return new RecordingBinder((request) -> new CompletableFuture<>());
		}

		@Bean
		PayloadConverter payloadConverter() {
			return PayloadConverter.withJsonMapper(JsonMapper.builder().build());
		}

		@Bean
		ListenerEndpointRegistry listenerEndpointRegistry(ChannelRegistry channels, RecordingBinder binder,
				PayloadConverter converter) {
			return new ListenerEndpointRegistry(channels, new BinderRegistry(List.of(binder)), converter);
		}

		@Bean
		SwitchboardTemplate switchboardTemplate(ChannelRegistry channels, RecordingBinder binder,
				PayloadConverter converter) {
			return new SwitchboardTemplate(channels, new BinderRegistry(List.of(binder)), converter);
		}

	}

	static class Listeners {

		@MessageListener("echo")
		String echo(String text) {
			return text;
		}

		@MessageListener(channel = "scores", topic = "game.*", concurrency = "3", id = "scores-subscriber")
		void onScore(String line) {
		}

	}

	static class Publishers {

		@Publisher(channel = "scores", topic = "game.1")
		public String score() {
			return "1-0";
		}

		@Publisher("tasks")
		public String task() {
			return "task";
		}

		@Publisher("scores")
		public Message<String> perCallTopic() {
			return MessageBuilder.withPayload("2-0").setHeader(SwitchboardHeaders.TOPIC, "game.7").build();
		}

		@Publisher("tasks")
		public String nothing() {
			return null;
		}

	}

	static class Misplaced {

		@MessageListener("missing")
		void onMissing(String text) {
		}

	}

	static class WrongPublisher {

		@Publisher("echo")
		public String ask() {
			return "?";
		}

	}

	static class BadConcurrency {

		@MessageListener(channel = "tasks", concurrency = "many")
		void work(String task) {
		}

	}

}
