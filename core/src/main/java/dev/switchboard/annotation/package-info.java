/**
 * The annotations an application uses, {@code @MessageListener} and {@code @Publisher}, and
 * the bean post-processor that turns them into listener endpoints and publishing proxies.
 */
@NullMarked
package dev.switchboard.annotation;

import org.jspecify.annotations.NullMarked;
