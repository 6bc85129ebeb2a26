// SPDX-License-Identifier: Apache-2.0
package urelay.spi;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A bidirectional byte stream with separate half-close and abortive close: the shape of a
 * TCP connection. The runtime's own sockets implement it (and are relayed with zero-copy
 * {@code splice}); a plugin may implement it for a stream of its own, which the runtime then
 * relays by copying.
 *
 * <p><b>Threads.</b> One thread may read while another writes. Calls park the calling virtual
 * thread while the stream is not ready; they never spin.
 *
 * <p><b>Ownership.</b> Whoever receives a stream from a {@link SinkResult.Connected} or as a
 * {@link ClientConnection} passes it to the runtime, which closes it exactly once.
 */
public interface ByteStream extends AutoCloseable {

    /**
     * Reads at least one byte into {@code buffer}, waiting until some arrive.
     *
     * @return the number of bytes read, or -1 at end of stream (the peer shut down writing)
     * @throws IOException if the stream failed or was reset by the peer
     */
    int read(ByteBuffer buffer) throws IOException;

    /**
     * Writes every remaining byte of {@code buffer}, waiting while the peer is slow.
     *
     * @throws IOException if the stream failed or was reset by the peer
     */
    void write(ByteBuffer buffer) throws IOException;

    /**
     * Bounds how long each later {@link #read} or {@link #write} may wait; a wait that runs out
     * throws {@link java.net.SocketTimeoutException}. Zero removes the bound. Sinks use it for
     * handshakes; the runtime clears it before relaying. The runtime's sockets support it; a
     * plugin's own stream that cannot bound its waits keeps this default, which refuses.
     *
     * @throws UnsupportedOperationException if this stream cannot bound its waits
     */
    default void timeout(java.time.Duration timeout) {
        throw new UnsupportedOperationException("this stream cannot bound its waits");
    }

    /** Signals end of stream to the peer while reading goes on (TCP: sends FIN). */
    void shutdownOutput() throws IOException;

    /** Closes abortively, so the peer sees a reset (TCP: {@code SO_LINGER 0} then close). */
    void reset();

    /** Closes gracefully. Closing twice has no effect. */
    @Override
    void close();
}
