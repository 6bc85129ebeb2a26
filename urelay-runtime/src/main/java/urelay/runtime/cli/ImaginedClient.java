// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.cli;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import urelay.spi.ClientConnection;

/**
 * The client {@code urelay explain} imagines: it connected from one address to another and
 * sends nothing, so a resolver that reads from the client sees the end of the stream at once.
 */
record ImaginedClient(InetSocketAddress remoteAddress, InetSocketAddress localAddress) implements ClientConnection {

    @Override
    public int read(ByteBuffer buffer) {
        return -1;
    }

    @Override
    public void write(ByteBuffer buffer) {
        buffer.position(buffer.limit());
    }

    @Override
    public void shutdownOutput() {
        // Nothing was ever sent; there is no peer to tell.
    }

    @Override
    public void reset() {
        // An imagined connection has nothing to reset.
    }

    @Override
    public void close() {
        // An imagined connection holds no resources.
    }
}
