// SPDX-License-Identifier: Apache-2.0
package urelay.spi;

import java.io.IOException;
import java.util.Optional;

/**
 * Finds out where a client wanted to go. A listener's resolvers are asked in order; the first
 * that returns a destination wins. Called on the connection's virtual thread; may read from
 * the client (a protocol header, a SOCKS request) and may block.
 */
public interface Resolver {

    /**
     * @return the destination, or empty if this resolver cannot tell
     * @throws IOException if the client failed or sent something unusable; the connection is
     *                     then closed and logged
     */
    Optional<Destination> resolve(ClientConnection client) throws IOException;
}
