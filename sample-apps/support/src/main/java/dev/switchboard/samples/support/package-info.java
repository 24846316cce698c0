/**
 * What the sample apps share: how a run ends with the exit code its role reports.
 */
@NullMarked
package dev.switchboard.samples.support;

import org.jspecify.annotations.NullMarked;
