package dev.switchboard.core;

import dev.switchboard.ChannelConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TopicFilterTests {

	@ParameterizedTest(name = "''{0}'' matches ''{1}'': {2}")
	@CsvSource(delimiter = '|', textBlock = """
			1             | 1             | true
			1             | 10            | false
			1             | 1.x           | false
			a.b           | a.b           | true
			a.b           | a.bc          | false
			a.*.c         | a.b.c         | true
			a.*.c         | a.c           | false
			a.*.c         | a.b.b.c       | false
			a.*           | a.            | true
			a.*           | a             | false
			*             | a             | true
			*             | a.b           | false
			a.#           | a             | true
			a.#           | a.b           | true
			a.#           | a.b.c         | true
			a.#           | ab            | false
			a.#           | b.a           | false
			#             | ''            | true
			#             | anything.at.all | true
			#.c           | c             | true
			#.c           | a.b.c         | true
			#.c           | a.b.cd        | false
			a.#.c         | a.c           | true
			a.#.c         | a.x.y.c       | true
			a.#.c         | a.x.y.d       | false
			*.#           | a             | true
			*.#           | ''            | true
			a.*.#         | a             | false
			a.*.#         | a.b.c.d       | true
			""")
	void matchesWithAmqpTopicSemantics(String filter, String topic, boolean expected) {
		assertThat(TopicFilter.of(filter).matches(topic)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "''{0}'' subscribes to prefix ''{1}''")
	@CsvSource(delimiter = '|', textBlock = """
			1         | 1
			a.b       | a.b
			a.*.c     | a.
			a.#       | a
			a.b.#.c   | a.b
			#         | ''
			*.b       | ''
			""")
	void literalPrefixIsWhatEveryMatchingTopicStartsWith(String filter, String prefix) {
		assertThat(TopicFilter.of(filter).literalPrefix()).isEqualTo(prefix);
	}

	@Test
	void wildcardInsideAWordIsRejectedWithTheFix() {
		assertThatExceptionOfType(ChannelConfigurationException.class).isThrownBy(() -> TopicFilter.of("scores*"))
			.withMessageContaining("'scores*'")
			.withMessageContaining("must stand alone as a word");
	}

	@Test
	void filterWithoutWildcardIsLiteral() {
		assertThat(TopicFilter.of("a.b").isLiteral()).isTrue();
		assertThat(TopicFilter.of("a.*").isLiteral()).isFalse();
		assertThat(TopicFilter.all().isLiteral()).isFalse();
	}

}
