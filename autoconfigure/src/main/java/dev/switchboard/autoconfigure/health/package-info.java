/**
 * Switchboard's health indicator and its auto-configuration.
 */
@NullMarked
package dev.switchboard.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
