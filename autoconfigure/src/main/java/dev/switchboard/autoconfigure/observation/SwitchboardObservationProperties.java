package dev.switchboard.autoconfigure.observation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of Switchboard's Observations.
 */
@ConfigurationProperties("switchboard.observation")
public class SwitchboardObservationProperties {

	/**
	 * Whether sends, requests and handled messages are observed, carrying the trace context
	 * in message headers; needs an ObservationRegistry (spring-boot-micrometer-observation).
	 */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
