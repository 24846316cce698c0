/**
 * The raw JeroMQ baseline: the socket types Switchboard maps each pattern onto, used directly.
 */
@NullMarked
package dev.switchboard.benchmarks.zmq;

import org.jspecify.annotations.NullMarked;
