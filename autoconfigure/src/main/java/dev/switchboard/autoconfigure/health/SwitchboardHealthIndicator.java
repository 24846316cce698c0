package dev.switchboard.autoconfigure.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.binder.Binder;
import dev.switchboard.binder.BinderRegistry;
import dev.switchboard.binder.BinderState;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code switchboard} health: down when any binder is down (an AMQP connection closed
 * or recovering, a ZeroMQ socket whose I/O thread stopped), with each binder's reason and
 * details by transport. Reading it touches no network: binders report what they know.
 */
public class SwitchboardHealthIndicator extends AbstractHealthIndicator {

	private final BinderRegistry binders;

	/**
	 * Create an indicator over every binder of a registry.
	 * @param binders the binders, asked for their {@link BinderState} at each health check
	 */
	public SwitchboardHealthIndicator(BinderRegistry binders) {
		super("Switchboard health check failed");
		this.binders = binders;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		List<String> reasons = new ArrayList<>();
		boolean down = false;
		for (Binder binder : this.binders.getBinders()) {
			BinderState state = binder.state();
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("status", state.up() ? "UP" : "DOWN");
			if (!state.up()) {
				details.put("reason", state.reason());
				reasons.add(binder.transport() + ": " + state.reason());
				down = true;
			}
			details.putAll(state.details());
			builder.withDetail(binder.transport(), details);
		}
		if (!down) {
			builder.up();
		}
		else {
			builder.down().withDetail("reason", String.join("; ", reasons));
		}
	}

}
