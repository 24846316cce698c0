package dev.switchboard.binder;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BinderStateTests {

	@Test
	void aBinderThatIsUpHasNoReason() {
		BinderState state = BinderState.up(Map.of("connections", 1));
		assertThat(state.up()).isTrue();
		assertThat(state.reason()).isNull();
		assertThat(state.details()).containsEntry("connections", 1);
	}

	@Test
	void aBinderThatIsDownSaysWhy() {
		BinderState state = BinderState.down("the broker is gone", Map.of());
		assertThat(state.up()).isFalse();
		assertThat(state.reason()).isEqualTo("the broker is gone");
	}

	@Test
	void aDownStateWithoutAReasonIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BinderState(false, null, Map.of()))
			.withMessage("A binder that is down must say why");
		assertThatIllegalArgumentException().isThrownBy(() -> BinderState.down(" ", Map.of()));
	}

	@Test
	void anUpStateWithAReasonIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BinderState(true, "odd", Map.of()));
	}

	@Test
	void detailsAreCopied() {
		Map<String, Object> details = new HashMap<>(Map.of("a", 1));
		BinderState state = BinderState.up(details);
		details.put("b", 2);
		assertThat(state.details()).containsOnlyKeys("a");
	}

}
