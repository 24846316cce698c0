package dev.switchboard.core;

import java.util.ArrayList;
import java.util.List;

import dev.switchboard.ChannelConfigurationException;

/**
 * A pub-sub topic filter with the same meaning on every transport: AMQP topic-exchange
 * semantics over words separated by {@code .}, where {@code *} matches exactly one word and
 * {@code #} matches zero or more words. A filter without wildcards matches that topic only.
 *
 * <p>On ZeroMQ the subscription is the filter's {@link #literalPrefix() literal prefix} and
 * the rest is checked here, so both transports deliver exactly the same messages. Raw
 * ZeroMQ framing, whose topic is simply the start of the payload, is the one exception: its
 * filters are byte prefixes, as plain ZeroMQ peers expect.
 *
 * <p>Instances are immutable and thread-safe; {@link #matches(String)} does not allocate.
 */
public final class TopicFilter {

	private static final String ONE = "*";

	private static final String ANY = "#";

	private static final TopicFilter ALL = new TopicFilter(ANY, new String[] { ANY });

	private final String expression;

	private final String[] words;

	private final boolean literal;

	private TopicFilter(String expression, String[] words) {
		this.expression = expression;
		this.words = words;
		this.literal = List.of(words).stream().noneMatch(TopicFilter::isWildcard);
	}

	/**
	 * Parse a filter expression.
	 * @param expression the filter, for example {@code scores.*.eu} or {@code scores.#}
	 * @return the filter
	 * @throws ChannelConfigurationException if a wildcard shares a word with other characters
	 */
	public static TopicFilter of(String expression) {
		if (expression.equals(ANY)) {
			return ALL;
		}
		String[] words = split(expression);
		for (String word : words) {
			if (!isWildcard(word) && (word.contains(ONE) || word.contains(ANY))) {
				throw new ChannelConfigurationException("Topic filter '" + expression
						+ "' is invalid: '*' and '#' must stand alone as a word between dots, as in 'a.*.c' or 'a.#'");
			}
		}
		return new TopicFilter(expression, words);
	}

	/**
	 * The filter that matches every topic ({@code #}).
	 * @return the match-all filter
	 */
	public static TopicFilter all() {
		return ALL;
	}

	public String expression() {
		return this.expression;
	}

	/**
	 * Whether the filter has no wildcard and so matches one topic only.
	 * @return {@code true} for a filter without {@code *} or {@code #}
	 */
	public boolean isLiteral() {
		return this.literal;
	}

	/**
	 * The longest prefix every matching topic starts with: what a ZeroMQ SUB socket
	 * subscribes to before this filter checks the rest.
	 * @return the prefix, possibly empty
	 */
	public String literalPrefix() {
		StringBuilder prefix = new StringBuilder();
		for (int i = 0; i < this.words.length; i++) {
			String word = this.words[i];
			if (word.equals(ANY)) {
				return prefix.toString();
			}
			if (word.equals(ONE)) {
				return (i > 0) ? prefix.append('.').toString() : "";
			}
			if (i > 0) {
				prefix.append('.');
			}
			prefix.append(word);
		}
		return prefix.toString();
	}

	/**
	 * Whether a topic matches this filter.
	 * @param topic the topic a message was published on
	 * @return {@code true} if a subscriber with this filter receives it
	 */
	public boolean matches(String topic) {
		if (this.literal) {
			return this.expression.equals(topic);
		}
		return matches(topic, 0, 0);
	}

	private boolean matches(String topic, int wordIndex, int position) {
		if (wordIndex == this.words.length) {
			return position == topic.length() + 1;
		}
		String word = this.words[wordIndex];
		if (word.equals(ANY)) {
			if (matches(topic, wordIndex + 1, position)) {
				return true;
			}
			return position <= topic.length() && matches(topic, wordIndex, nextWord(topic, position));
		}
		if (position > topic.length()) {
			return false;
		}
		int end = wordEnd(topic, position);
		if (!word.equals(ONE) && !topic.regionMatches(position, word, 0, Math.max(word.length(), end - position))) {
			return false;
		}
		return matches(topic, wordIndex + 1, end + 1);
	}

	private static int wordEnd(String topic, int position) {
		int dot = topic.indexOf('.', position);
		return (dot >= 0) ? dot : topic.length();
	}

	private static int nextWord(String topic, int position) {
		return wordEnd(topic, position) + 1;
	}

	private static boolean isWildcard(String word) {
		return word.equals(ONE) || word.equals(ANY);
	}

	private static String[] split(String expression) {
		List<String> words = new ArrayList<>();
		int start = 0;
		int dot;
		while ((dot = expression.indexOf('.', start)) >= 0) {
			words.add(expression.substring(start, dot));
			start = dot + 1;
		}
		words.add(expression.substring(start));
		return words.toArray(String[]::new);
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof TopicFilter filter) && this.expression.equals(filter.expression);
	}

	@Override
	public int hashCode() {
		return this.expression.hashCode();
	}

	@Override
	public String toString() {
		return this.expression;
	}

}
