/**
 * Runs a sample's executable jar and the tutorial's plain Python peers as processes, for
 * the samples' integration tests. Not part of any sample.
 */
@NullMarked
package dev.switchboard.samples.testing;

import org.jspecify.annotations.NullMarked;
