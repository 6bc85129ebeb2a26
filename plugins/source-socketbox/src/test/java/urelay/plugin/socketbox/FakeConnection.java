// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socketbox;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import urelay.spi.ClientConnection;

/**
 * A connection that only remembers its descriptor number and whether it was closed; it never
 * touches the descriptor.
 */
record FakeConnection(int fd, AtomicBoolean closed) implements ClientConnection {

    FakeConnection(int fd) {
        this(fd, new AtomicBoolean());
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return new InetSocketAddress("192.0.2.10", 50000);
    }

    @Override
    public InetSocketAddress localAddress() {
        return new InetSocketAddress("198.51.100.7", 80);
    }

    @Override
    public int read(ByteBuffer buffer) {
        throw new UnsupportedOperationException("not relayed in these tests");
    }

    @Override
    public void write(ByteBuffer buffer) {
        throw new UnsupportedOperationException("not relayed in these tests");
    }

    @Override
    public void shutdownOutput() {
        throw new UnsupportedOperationException("not relayed in these tests");
    }

    @Override
    public void reset() {
        closed.set(true);
    }

    @Override
    public void close() {
        closed.set(true);
    }
}
