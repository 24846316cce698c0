package dev.switchboard.binder;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a binder reports about its connection to the transport, for health checks: whether
 * it can carry messages, why not when it cannot, and transport-specific details (connection
 * names, endpoints, peer counts) as plain values a JSON writer can render.
 *
 * @param up whether the binder can carry messages now; a binder that has opened nothing yet
 * is up
 * @param reason why the binder is down, required then; {@code null} when it is up
 * @param details transport-specific details, never {@code null}
 */
public record BinderState(boolean up, @Nullable String reason, Map<String, Object> details) {

	/**
	 * Check that a binder that is down says why, and one that is up gives no reason.
	 * @throws IllegalArgumentException for a down state without a reason, or an up state
	 * with one
	 */
	public BinderState {
		if (!up && (reason == null || reason.isBlank())) {
			throw new IllegalArgumentException("A binder that is down must say why");
		}
		if (up && reason != null) {
			throw new IllegalArgumentException("A binder that is up has no reason to be down, was: " + reason);
		}
		details = Map.copyOf(details);
	}

	/**
	 * A binder that can carry messages.
	 * @param details transport-specific details
	 * @return the state
	 */
	public static BinderState up(Map<String, Object> details) {
		return new BinderState(true, null, details);
	}

	/**
	 * A binder that cannot carry messages.
	 * @param reason why, in words an operator can act on
	 * @param details transport-specific details
	 * @return the state
	 */
	public static BinderState down(String reason, Map<String, Object> details) {
		return new BinderState(false, reason, details);
	}

}
