/**
 * The Binder SPI: what a transport implements to carry Switchboard channels. Binders move
 * {@link dev.switchboard.core.WireMessage}s; conversion, listener invocation and the error
 * path stay in core, so every transport behaves the same.
 */
@NullMarked
package dev.switchboard.binder;

import org.jspecify.annotations.NullMarked;
