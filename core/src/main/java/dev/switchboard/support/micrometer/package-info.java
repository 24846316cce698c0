/**
 * Micrometer support: meters over each channel's statistics, timers and Observations
 * around the Binder SPI. Micrometer is an optional dependency; nothing else in Switchboard
 * loads these classes.
 */
@NullMarked
package dev.switchboard.support.micrometer;

import org.jspecify.annotations.NullMarked;
