// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.route;

import java.net.InetSocketAddress;
import java.util.Objects;
import urelay.spi.Destination;

/**
 * What a route's {@code match} is tested against: the connection's listener and client, and
 * its destination as the listener's rewriters left it.
 *
 * @param listener    the name of the listener that accepted the connection
 * @param client      the client's address and port
 * @param destination where the connection goes, after the listener's rewriters
 */
public record RouteQuery(String listener, InetSocketAddress client, Destination destination) {

    public RouteQuery {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(destination, "destination");
    }
}
