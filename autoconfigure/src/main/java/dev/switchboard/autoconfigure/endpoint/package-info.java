/**
 * The {@code switchboard} actuator endpoint and its auto-configuration.
 */
@NullMarked
package dev.switchboard.autoconfigure.endpoint;

import org.jspecify.annotations.NullMarked;
