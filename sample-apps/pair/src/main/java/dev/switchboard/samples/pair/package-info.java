/**
 * The pair sample: an exclusive pair. {@code --role=bind} and {@code --role=connect} are the
 * two ends; each sends its message and prints what the other sends.
 */
@NullMarked
package dev.switchboard.samples.pair;

import org.jspecify.annotations.NullMarked;
