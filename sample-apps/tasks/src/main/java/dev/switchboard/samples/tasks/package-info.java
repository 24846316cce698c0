/**
 * The tasks sample: a pipeline. {@code --role=manager} hands out tasks, each to exactly one
 * of the running {@code --role=worker}s.
 */
@NullMarked
package dev.switchboard.samples.tasks;

import org.jspecify.annotations.NullMarked;
