package dev.switchboard.autoconfigure.amqp;

import java.time.Duration;
import java.util.List;

import dev.switchboard.amqp.AmqpBinder;
import dev.switchboard.amqp.AmqpChannelOptions;
import dev.switchboard.amqp.AmqpChannelOptionsResolver;
import dev.switchboard.amqp.AmqpConnectionOptions;
import dev.switchboard.amqp.PairSide;
import dev.switchboard.autoconfigure.SwitchboardAutoConfiguration;
import dev.switchboard.binder.Binder;
import dev.switchboard.binder.BinderRegistry;
import dev.switchboard.core.ChannelRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class SwitchboardAmqpAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(SwitchboardAutoConfiguration.class, SwitchboardAmqpAutoConfiguration.class));

	@Test
	void autoConfigurationProvidesTheAmqpBinderAndItsOptions() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(AmqpBinder.class);
			assertThat(context).hasSingleBean(AmqpConnectionOptions.class);
			assertThat(context).hasSingleBean(AmqpChannelOptionsResolver.class);
			assertThat(context).hasSingleBean(AmqpProperties.class);
		});
	}

	@Test
	void amqpBinderCarriesChannelsOfTheAmqpTransport() {
		this.contextRunner
			.withPropertyValues("switchboard.transport=amqp", "switchboard.channels.tasks.pattern=pipeline")
			.run((context) -> {
				Binder binder = context.getBean(BinderRegistry.class)
					.getBinder(context.getBean(ChannelRegistry.class).getRequired("tasks"));
				assertThat(binder).isSameAs(context.getBean(AmqpBinder.class));
			});
	}

	@Test
	void autoConfigurationBacksOffWhenUserProvidesAmqpBinder() {
		AmqpBinder binder = new AmqpBinder(AmqpConnectionOptions.defaults(), AmqpChannelOptionsResolver.DEFAULTS);
		this.contextRunner.withBean(AmqpBinder.class, () -> binder)
			.run((context) -> assertThat(context).getBean(AmqpBinder.class).isSameAs(binder));
	}

	@Test
	void autoConfigurationBacksOffWhenUserProvidesConnectionOptions() {
		AmqpConnectionOptions options = AmqpConnectionOptions.builder().addresses(List.of("rabbit:5672")).build();
		this.contextRunner.withBean(AmqpConnectionOptions.class, () -> options)
			.withPropertyValues("switchboard.amqp.addresses=elsewhere:5672")
			.run((context) -> assertThat(context).getBean(AmqpConnectionOptions.class).isSameAs(options));
	}

	@Test
	void autoConfigurationBacksOffWhenUserProvidesChannelOptionsResolver() {
		AmqpChannelOptionsResolver resolver = (channel) -> AmqpChannelOptions.builder().queue("q-" + channel).build();
		this.contextRunner.withBean(AmqpChannelOptionsResolver.class, () -> resolver)
			.run((context) -> assertThat(context).getBean(AmqpChannelOptionsResolver.class).isSameAs(resolver));
	}

	@Test
	void noAmqpBinderWithoutAmqpClient() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("com.rabbitmq")).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean("switchboardAmqpBinder");
			assertThat(context).doesNotHaveBean(AmqpChannelOptionsResolver.class);
			assertThat(context).hasSingleBean(BinderRegistry.class);
		});
	}

	@Test
	void noAmqpBinderWithoutTheAmqpBinderOnTheClasspath() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(AmqpBinder.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean("switchboardAmqpBinder");
		});
	}

	@Test
	void defaultPropertiesGiveTheBindersDefaultOptions() {
		this.contextRunner.run((context) -> assertThat(context.getBean(AmqpConnectionOptions.class))
			.isEqualTo(AmqpConnectionOptions.defaults()));
	}

	@Test
	void amqpPropertiesMapToConnectionOptions() {
		this.contextRunner
			.withPropertyValues("switchboard.amqp.addresses=rabbit-1:5672,rabbit-2:5673",
					"switchboard.amqp.username=bob", "switchboard.amqp.password=secret",
					"switchboard.amqp.virtual-host=/scores", "switchboard.amqp.connection-name=scoreboard",
					"switchboard.amqp.heartbeat=30", "switchboard.amqp.recovery-interval=2s",
					"switchboard.amqp.connection-timeout=3s", "switchboard.amqp.publisher-channels=8",
					"switchboard.amqp.blocked-timeout=0", "switchboard.amqp.send-recovery-timeout=20s")
			.run((context) -> assertThat(context.getBean(AmqpConnectionOptions.class))
				.isEqualTo(new AmqpConnectionOptions(List.of("rabbit-1:5672", "rabbit-2:5673"), "bob", "secret",
						"/scores", "scoreboard", Duration.ofSeconds(30), Duration.ofSeconds(2),
						Duration.ofSeconds(3), 8, Duration.ZERO, Duration.ofSeconds(20))));
	}

	@Test
	void springRabbitPropertiesAreTheFallbackForAnythingSwitchboardAmqpLeavesUnset() {
		this.contextRunner
			.withPropertyValues("spring.rabbitmq.host=rabbit", "spring.rabbitmq.port=5673",
					"spring.rabbitmq.username=alice", "spring.rabbitmq.password=wonderland",
					"spring.rabbitmq.virtual-host=tea")
			.run((context) -> {
				AmqpConnectionOptions options = context.getBean(AmqpConnectionOptions.class);
				assertThat(options.addresses()).containsExactly("rabbit:5673");
				assertThat(options.username()).isEqualTo("alice");
				assertThat(options.password()).isEqualTo("wonderland");
				assertThat(options.virtualHost()).isEqualTo("tea");
			});
	}

	@Test
	void switchboardAmqpPropertiesWinOverSpringRabbitProperties() {
		this.contextRunner
			.withPropertyValues("spring.rabbitmq.addresses=rabbit-a:5672,rabbit-b:5672",
					"spring.rabbitmq.username=alice", "spring.rabbitmq.password=wonderland",
					"spring.rabbitmq.virtual-host=tea", "switchboard.amqp.addresses=switchboard-rabbit:5672",
					"switchboard.amqp.username=guest")
			.run((context) -> {
				AmqpConnectionOptions options = context.getBean(AmqpConnectionOptions.class);
				assertThat(options.addresses()).containsExactly("switchboard-rabbit:5672");
				assertThat(options.username()).isEqualTo("guest");
				assertThat(options.password()).isEqualTo("wonderland");
				assertThat(options.virtualHost()).isEqualTo("tea");
			});
	}

	@Test
	void springRabbitAddressesWinOverItsHostAndPortAsInBoot() {
		this.contextRunner
			.withPropertyValues("spring.rabbitmq.host=ignored", "spring.rabbitmq.port=1",
					"spring.rabbitmq.addresses=rabbit-a:5672, rabbit-b")
			.run((context) -> assertThat(context.getBean(AmqpConnectionOptions.class).addresses())
				.containsExactly("rabbit-a:5672", "rabbit-b"));
	}

	@Test
	void springRabbitPortAloneUsesBootsDefaultHost() {
		this.contextRunner.withPropertyValues("spring.rabbitmq.port=5673")
			.run((context) -> assertThat(context.getBean(AmqpConnectionOptions.class).addresses())
				.containsExactly("localhost:5673"));
	}

	@Test
	void springRabbitUriAddressFailsStartupWithoutRepeatingItsPassword() {
		this.contextRunner.withPropertyValues("spring.rabbitmq.addresses=amqp://bob:hunter2@rabbit/vhost")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("spring.rabbitmq.addresses has a URI entry")
				.hasMessageContaining("switchboard.amqp.addresses")
				.hasMessageNotContaining("hunter2"));
	}

	@Test
	void springRabbitUriAddressIsNoObstacleWhenSwitchboardAmqpAddressesReplaceIt() {
		this.contextRunner
			.withPropertyValues("spring.rabbitmq.addresses=amqp://bob:hunter2@rabbit/vhost",
					"switchboard.amqp.addresses=rabbit:5672")
			.run((context) -> assertThat(context.getBean(AmqpConnectionOptions.class).addresses())
				.containsExactly("rabbit:5672"));
	}

	@Test
	void subSecondHeartbeatFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("switchboard.amqp.heartbeat=500ms")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("switchboard.amqp.heartbeat")
				.hasMessageContaining("whole seconds"));
	}

	@Test
	void emptyAddressListFailsStartupNamingTheProperties() {
		this.contextRunner.withPropertyValues("switchboard.amqp.addresses=")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("At least one RabbitMQ address")
				.hasMessageContaining("switchboard.amqp.*"));
	}

	@Test
	void channelAmqpPropertiesMapToChannelOptions() {
		this.contextRunner
			.withPropertyValues("switchboard.transport=amqp", "switchboard.channels.tasks.pattern=pipeline",
					"switchboard.channels.tasks.amqp.queue=work", "switchboard.channels.tasks.amqp.prefetch=10",
					"switchboard.channels.tasks.amqp.durable=false", "switchboard.channels.tasks.amqp.persistent=false",
					"switchboard.channels.tasks.amqp.confirms=false",
					"switchboard.channels.tasks.amqp.confirm-timeout=2s",
					"switchboard.channels.tasks.amqp.dead-letter-queue=false", "switchboard.channels.peer.pattern=pair",
					"switchboard.channels.peer.amqp.side=b", "switchboard.channels.scores.pattern=pub-sub",
					"switchboard.channels.scores.amqp.exchange=live-scores")
			.run((context) -> {
				AmqpChannelOptionsResolver resolver = context.getBean(AmqpChannelOptionsResolver.class);
				assertThat(resolver.resolve("tasks")).isEqualTo(
						new AmqpChannelOptions("work", null, 10, false, false, false, Duration.ofSeconds(2),
								PairSide.AUTO, false));
				assertThat(resolver.resolve("peer").side()).isEqualTo(PairSide.B);
				assertThat(resolver.resolve("scores").exchange()).isEqualTo("live-scores");
				assertThat(resolver.resolve("undefined")).isEqualTo(AmqpChannelOptions.defaults());
			});
	}

	@Test
	void unsetChannelAmqpPropertiesGiveTheBindersDefaults() {
		this.contextRunner
			.withPropertyValues("switchboard.transport=amqp", "switchboard.channels.tasks.pattern=pipeline")
			.run((context) -> assertThat(context.getBean(AmqpChannelOptionsResolver.class).resolve("tasks"))
				.isEqualTo(AmqpChannelOptions.defaults()));
	}

	@Test
	void invalidChannelSettingFailsStartupNamingTheChannelAndProperties() {
		this.contextRunner
			.withPropertyValues("switchboard.transport=amqp", "switchboard.channels.tasks.pattern=pipeline",
					"switchboard.channels.tasks.amqp.prefetch=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("Channel 'tasks'")
				.hasMessageContaining("prefetch must be between 1 and 65535")
				.hasMessageContaining("switchboard.channels.tasks.amqp.*"));
	}

}
