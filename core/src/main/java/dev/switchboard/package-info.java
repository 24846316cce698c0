/**
 * Switchboard's root package: the exception hierarchy every transport throws.
 */
@NullMarked
package dev.switchboard;

import org.jspecify.annotations.NullMarked;
