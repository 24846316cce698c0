/**
 * Logging helpers the binders share, so a fault repeated on every message is reported the
 * same way on every transport.
 */
@NullMarked
package dev.switchboard.support.logging;

import org.jspecify.annotations.NullMarked;
