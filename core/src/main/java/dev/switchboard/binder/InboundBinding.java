package dev.switchboard.binder;

/**
 * The receiving side of a channel: a request-reply listener, a subscriber, a pipeline worker
 * or a pair peer.
 */
public interface InboundBinding extends Binding {

}
