/**
 * The written outcome of a run: the results table, the verdict on each target, and a chart.
 */
@NullMarked
package dev.switchboard.benchmarks.report;

import org.jspecify.annotations.NullMarked;
