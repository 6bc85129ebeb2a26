// SPDX-License-Identifier: Apache-2.0
package urelay.spi;

/**
 * Connects onward to a destination: directly, through a proxy, to a Unix socket, or nowhere.
 * Called on the connection's virtual thread; may block while connecting or running a
 * handshake. One sink instance serves many connections at once and must be thread-safe.
 */
public interface Sink {

    /**
     * Connects to {@code destination} on behalf of {@code client}. Expected failures (refused,
     * timed out, unreachable, rejected) are returned as {@link SinkResult.Failed}, not thrown.
     *
     * @param destination where the client wants to go, after rewriting
     * @param client      the client, for sinks that act on its address; the sink must not
     *                    read from or write to it
     */
    SinkResult connect(Destination destination, ClientConnection client);

    /**
     * Connects as {@link #connect(Destination, ClientConnection)} does, with a route's bind
     * profile on top of the sink's own. Only called when {@link #acceptsBind()} is true.
     */
    default SinkResult connect(Destination destination, ClientConnection client, BindOptions routeBind) {
        return connect(destination, client);
    }

    /**
     * Whether this sink honours a route's bind profile. The runtime refuses a config that gives
     * a route a {@code bind} when one of its sinks does not.
     */
    default boolean acceptsBind() {
        return false;
    }
}
