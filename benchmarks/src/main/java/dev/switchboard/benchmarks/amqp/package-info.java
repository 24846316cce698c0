/**
 * The raw amqp-client baseline, and the broker topology every AMQP subject shares.
 */
@NullMarked
package dev.switchboard.benchmarks.amqp;

import org.jspecify.annotations.NullMarked;
