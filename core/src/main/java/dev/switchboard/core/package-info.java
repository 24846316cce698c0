/**
 * The transport-neutral model and the template: patterns, channel specifications, the wire
 * message, headers, topic filters and channel statistics.
 */
@NullMarked
package dev.switchboard.core;

import org.jspecify.annotations.NullMarked;
