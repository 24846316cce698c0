/**
 * Side-by-side performance runs: Switchboard against raw JeroMQ, raw amqp-client and
 * Spring AMQP, each measured in a fresh JVM by the same {@link dev.switchboard.benchmarks.LoadDriver}.
 */
@NullMarked
package dev.switchboard.benchmarks;

import org.jspecify.annotations.NullMarked;
