/**
 * Auto-configuration of the ZeroMQ binder from {@code switchboard.zmq.*} and
 * {@code switchboard.channels.<name>.zmq.*} properties.
 */
@NullMarked
package dev.switchboard.autoconfigure.zmq;

import org.jspecify.annotations.NullMarked;
