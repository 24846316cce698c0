/**
 * Spring Boot auto-configuration for Switchboard: channels from {@code switchboard.*}
 * properties, the template, the listener registry, annotation processing and startup
 * failure analysis. Each transport has its own sub-package.
 */
@NullMarked
package dev.switchboard.autoconfigure;

import org.jspecify.annotations.NullMarked;
