// SPDX-License-Identifier: Apache-2.0
package urelay.spi;

import java.net.InetSocketAddress;

/**
 * An accepted client connection, as a {@link Source} hands it to the runtime.
 *
 * <p>The addresses are as the kernel reported them on the socket. For a socket accepted in a
 * namespace whose routes make every address local, {@link #localAddress()} is the address the
 * client wanted to reach. Sources that learn the wanted address another way (such as
 * {@code SO_ORIGINAL_DST} after a REDIRECT) report it in {@link #originalDestination()}.
 */
public interface ClientConnection extends ByteStream {

    /** The peer: the client's address and port. */
    InetSocketAddress remoteAddress();

    /** The local address and port of the accepted socket. */
    InetSocketAddress localAddress();

    /**
     * The address the client was connecting to, as far as the kernel knows. Defaults to
     * {@link #localAddress()}.
     */
    default InetSocketAddress originalDestination() {
        return localAddress();
    }
}
