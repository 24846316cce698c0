/**
 * The echo sample: request-reply. {@code --role=server} answers {@code "Echo: " + message},
 * {@code --role=client --message=<text>} calls it once and prints the reply,
 * {@code --role=demo} does both in one process.
 */
@NullMarked
package dev.switchboard.samples.echo;

import org.jspecify.annotations.NullMarked;
