/**
 * Auto-configuration of Switchboard's Micrometer Observations and trace propagation.
 */
@NullMarked
package dev.switchboard.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
