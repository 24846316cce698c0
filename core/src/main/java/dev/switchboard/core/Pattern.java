package dev.switchboard.core;

import java.util.Locale;

/**
 * The four messaging patterns a channel can follow. Their delivery semantics are the same
 * on every transport; the binder contract suite proves it.
 */
public enum Pattern {

	/**
	 * Each request goes to one listener and its reply goes back to the caller.
	 */
	REQUEST_REPLY,

	/**
	 * Every live subscriber whose topic filter matches gets a copy.
	 */
	PUB_SUB,

	/**
	 * Each message goes to exactly one worker, spread fairly.
	 */
	PIPELINE,

	/**
	 * Exactly two peers talking both ways.
	 */
	PAIR;

	/**
	 * The name used in configuration and documentation, such as {@code request-reply}.
	 * @return the lower-case, hyphenated name
	 */
	public String id() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	@Override
	public String toString() {
		return id();
	}

}
