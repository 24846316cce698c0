/**
 * The ZeroMQ binder: carries Switchboard channels over JeroMQ sockets, brokerless. Each
 * socket belongs to one I/O thread; application threads and listener workers reach it
 * through lock-free queues. The wire format is documented in {@code docs/zmq.md}.
 */
@NullMarked
package dev.switchboard.zmq;

import org.jspecify.annotations.NullMarked;
