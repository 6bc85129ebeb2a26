// SPDX-License-Identifier: Apache-2.0
package org.example.urelay.hello.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import urelay.spi.ByteStream;

/**
 * The "upstream" of one connection to a hello sink: reading yields the greeting and then end of
 * stream; whatever the client sends is read and dropped. Because this is not one of urelay's
 * own sockets, urelay relays it by copying through a buffer instead of with splice.
 *
 * <p>urelay reads on one virtual thread and writes on another. Only the reading thread touches
 * {@link #unsent}; {@link #closed} is volatile because close or reset may come from either.
 */
final class GreetingStream implements ByteStream {

    private final ByteBuffer unsent;
    private volatile boolean closed;

    GreetingStream(byte[] greeting) {
        this.unsent = ByteBuffer.wrap(greeting);
    }

    @Override
    public int read(ByteBuffer buffer) throws IOException {
        ensureOpen();
        if (!unsent.hasRemaining()) {
            return -1;
        }
        int count = Math.min(buffer.remaining(), unsent.remaining());
        buffer.put(buffer.position(), unsent, unsent.position(), count);
        buffer.position(buffer.position() + count);
        unsent.position(unsent.position() + count);
        return count;
    }

    @Override
    public void write(ByteBuffer buffer) throws IOException {
        ensureOpen();
        buffer.position(buffer.limit());
    }

    /** The client finished sending; a greeting does not care. */
    @Override
    public void shutdownOutput() {
    }

    /** urelay resets a stream to cut a connection; there is no peer to tell, so it just closes. */
    @Override
    public void reset() {
        closed = true;
    }

    @Override
    public void close() {
        closed = true;
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("greeting stream closed");
        }
    }
}
