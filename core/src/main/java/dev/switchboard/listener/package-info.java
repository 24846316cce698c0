/**
 * Listener endpoints and their lifecycle: what is bound for each {@code @MessageListener},
 * how its arguments are resolved, and how failures are contained.
 */
@NullMarked
package dev.switchboard.listener;

import org.jspecify.annotations.NullMarked;
