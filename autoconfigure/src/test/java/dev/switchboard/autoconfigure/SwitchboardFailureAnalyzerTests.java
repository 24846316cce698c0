package dev.switchboard.autoconfigure;

import dev.switchboard.BindingException;
import dev.switchboard.ChannelConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class SwitchboardFailureAnalyzerTests {

	private final SwitchboardFailureAnalyzer analyzer = new SwitchboardFailureAnalyzer();

	@Test
	void describesAChannelConfigurationFailureFoundInTheCauseChain() {
		ChannelConfigurationException cause = new ChannelConfigurationException("Channel 'echo' has no pattern");
		FailureAnalysis analysis = this.analyzer.analyze(new BeanCreationException("echo", cause));
		assertThat(analysis.getDescription()).isEqualTo("Channel 'echo' has no pattern");
		assertThat(analysis.getAction()).contains("switchboard.channels.<name>.*", "@MessageListener");
		assertThat(analysis.getCause()).isSameAs(cause);
	}

	@Test
	void describesABindingFailureWithWhatToChange() {
		FailureAnalysis analysis = this.analyzer
			.analyze(new BeanCreationException("echo", new BindingException("Endpoint in use")));
		assertThat(analysis.getDescription()).isEqualTo("Endpoint in use");
		assertThat(analysis.getAction()).contains("endpoint", "stop whatever else holds the endpoint");
	}

	@Test
	void ignoresFailuresWithoutASwitchboardCause() {
		assertThat(this.analyzer.analyze(new IllegalStateException("unrelated"))).isNull();
	}

	@Test
	void startupReportShowsSwitchboardsMessageAndTheFix(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--switchboard.channels.echo.concurrency=2"));
		assertThat(output).contains("APPLICATION FAILED TO START",
				"Channel 'echo' has no pattern: set switchboard.channels.echo.pattern to request-reply,"
						+ " pub-sub, pipeline or pair",
				"Action:");
	}

	@Test
	void startupReportNamesThePropertyAndTheValidPatternsWhenAPatternIsUnknown(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--switchboard.channels.echo.pattern=fanout"));
		assertThat(output).contains("APPLICATION FAILED TO START", "Property: switchboard.channels.echo.pattern",
				"Value: \"fanout\"", "The following values are valid:", "request-reply", "pub-sub", "pipeline",
				"pair");
	}

	private static void run(String... args) {
		SpringApplication application = new SpringApplication(EmptyApplication.class);
		application.run(args).close();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(SwitchboardAutoConfiguration.class)
	static class EmptyApplication {

	}

}
