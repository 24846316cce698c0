/**
 * The Switchboard subject: a receiving and a sending Spring Boot context in one JVM, talking
 * through the public API only.
 */
@NullMarked
package dev.switchboard.benchmarks.switchboard;

import org.jspecify.annotations.NullMarked;
