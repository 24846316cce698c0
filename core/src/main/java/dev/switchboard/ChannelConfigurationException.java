package dev.switchboard;

/**
 * Thrown, normally at startup, when channels, listeners or publishers are configured in a
 * way that cannot work; the message names the channel and the fix.
 */
public class ChannelConfigurationException extends SwitchboardException {

	public ChannelConfigurationException(String message) {
		super(message);
	}

}
