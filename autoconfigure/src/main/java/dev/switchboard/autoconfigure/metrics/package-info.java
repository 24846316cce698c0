/**
 * Auto-configuration of Switchboard's Micrometer meters.
 */
@NullMarked
package dev.switchboard.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
