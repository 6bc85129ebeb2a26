// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socks5;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * Test fixture: a JDK socket channel (TCP or Unix) as a {@link urelay.spi.ByteStream} that can
 * bound its waits, standing in for the runtime's sockets. The channel is non-blocking; each
 * wait parks on a selector of its own, so one thread may read while another writes.
 */
final class ChannelStream implements urelay.spi.ByteStream {

    private final SocketChannel channel;
    private volatile long timeoutMillis;

    ChannelStream(SocketChannel channel) throws IOException {
        this.channel = channel;
        channel.configureBlocking(false);
    }

    @Override
    public int read(ByteBuffer buffer) throws IOException {
        while (true) {
            int read = channel.read(buffer);
            if (read != 0 || !buffer.hasRemaining()) {
                return read;
            }
            await(SelectionKey.OP_READ);
        }
    }

    @Override
    public void write(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.write(buffer) == 0) {
                await(SelectionKey.OP_WRITE);
            }
        }
    }

    @Override
    public void timeout(Duration timeout) {
        timeoutMillis = timeout.toMillis();
    }

    @Override
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public void reset() {
        try {
            if (channel.supportedOptions().contains(StandardSocketOptions.SO_LINGER)) {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@link #close()} or {@link #reset()} has run. */
    boolean isClosed() {
        return !channel.isOpen();
    }

    private void await(int operation) throws IOException {
        long timeout = timeoutMillis;
        try (Selector selector = Selector.open()) {
            channel.register(selector, operation);
            if (selector.select(timeout) == 0 && timeout > 0) {
                throw new SocketTimeoutException("no progress within " + timeout + "ms");
            }
        }
    }
}
