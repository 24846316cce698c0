/**
 * Payload conversion on top of Spring Messaging's message converters.
 */
@NullMarked
package dev.switchboard.support.converter;

import org.jspecify.annotations.NullMarked;
