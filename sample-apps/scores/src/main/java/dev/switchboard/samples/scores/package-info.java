/**
 * The scores sample: pub-sub. {@code --role=publisher} publishes score updates on topics
 * {@code 1} and {@code 2}; {@code --role=subscriber} prints the updates of one topic.
 */
@NullMarked
package dev.switchboard.samples.scores;

import org.jspecify.annotations.NullMarked;
