/**
 * Support classes shared by the template, the listeners and the binders.
 */
@NullMarked
package dev.switchboard.support;

import org.jspecify.annotations.NullMarked;
