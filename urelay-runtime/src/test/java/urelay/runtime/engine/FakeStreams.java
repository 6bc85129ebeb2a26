// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.engine;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import urelay.spi.ByteStream;
import urelay.spi.ClientConnection;

/** Streams that end at once: enough for the relay to finish without a socket. */
final class FakeStreams {

    private FakeStreams() {
    }

    /** A stream that reads end of stream and takes every write. */
    static class Empty implements ByteStream {
        volatile boolean reset;
        volatile boolean closed;

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
        }

        @Override
        public void reset() {
            reset = true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A client at 192.0.2.10:51514 that connected to {@code 198.51.100.7:port}. */
    static final class Client extends Empty implements ClientConnection {
        private final int port;

        Client(int port) {
            this.port = port;
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return new InetSocketAddress(InetAddress.ofLiteral("192.0.2.10"), 51514);
        }

        @Override
        public InetSocketAddress localAddress() {
            return new InetSocketAddress(InetAddress.ofLiteral("198.51.100.7"), port);
        }
    }
}
