package dev.switchboard.autoconfigure;

import dev.switchboard.BindingException;
import dev.switchboard.ChannelConfigurationException;
import dev.switchboard.SwitchboardException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a startup failure caused by a {@link SwitchboardException} as Switchboard's own
 * message, which names the channel, instead of the bean-creation chain around it. Boot
 * finds the exception anywhere in the cause chain.
 */
class SwitchboardFailureAnalyzer extends AbstractFailureAnalyzer<SwitchboardException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SwitchboardException cause) {
		return new FailureAnalysis(cause.getMessage(), action(cause), cause);
	}

	private static String action(SwitchboardException cause) {
		if (cause instanceof ChannelConfigurationException) {
			return "Change the channel's switchboard.channels.<name>.* properties, or the @MessageListener or"
					+ " @Publisher method, as the description says.";
		}
		if (cause instanceof BindingException) {
			return "Change the channel's endpoint or transport settings (switchboard.channels.<name>.*,"
					+ " switchboard.<transport>.*), start the broker or peer the description names, or stop"
					+ " whatever else holds the endpoint, then start the application again.";
		}
		return "Check the Switchboard configuration of the channel named in the description.";
	}

}
