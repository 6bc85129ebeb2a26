// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socks5;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import urelay.spi.Acceptor;
import urelay.spi.ByteStream;
import urelay.spi.ConnectFailedException;
import urelay.spi.ListenRequest;
import urelay.spi.Network;
import urelay.spi.Outcome;
import urelay.spi.UnixDestination;

/**
 * Test fixture: a {@link Network} that connects with JDK sockets, to loopback addresses and
 * Unix sockets only, and remembers every stream it opened so a test can check it was closed.
 * Any thread.
 */
final class LoopbackNetwork implements Network {

    private final List<ChannelStream> opened = new CopyOnWriteArrayList<>();

    /** Every stream opened so far, oldest first. */
    List<ChannelStream> opened() {
        return List.copyOf(opened);
    }

    @Override
    public Acceptor listen(ListenRequest request) {
        throw new UnsupportedOperationException("the test network only connects");
    }

    @Override
    public Acceptor adopt(int fd, String description) {
        throw new UnsupportedOperationException("the test network only connects");
    }

    @Override
    public ByteStream connect(InetSocketAddress remote, Duration timeout) throws ConnectFailedException {
        if (!remote.getAddress().isLoopbackAddress()) {
            throw new ConnectFailedException(Outcome.REJECTED, "-", "the test network reaches loopback only");
        }
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open(remote.getAddress() instanceof Inet4Address
                    ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
            channel.socket().connect(remote, Math.toIntExact(timeout.toMillis()));
            return remember(channel);
        } catch (ConnectException e) {
            throw failed(channel, Outcome.REFUSED, "ECONNREFUSED", e);
        } catch (SocketTimeoutException e) {
            throw failed(channel, Outcome.TIMEOUT, "ETIMEDOUT", e);
        } catch (IOException e) {
            throw failed(channel, Outcome.ERROR, "-", e);
        }
    }

    @Override
    public ByteStream connect(UnixDestination destination, Duration timeout) throws ConnectFailedException {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(destination.path()));
            return remember(channel);
        } catch (IOException e) {
            throw failed(channel, Outcome.REFUSED, "ECONNREFUSED", e);
        }
    }

    private ChannelStream remember(SocketChannel channel) throws IOException {
        ChannelStream stream = new ChannelStream(channel);
        opened.add(stream);
        return stream;
    }

    private static ConnectFailedException failed(SocketChannel channel, Outcome outcome, String errno,
            IOException cause) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
        }
        ConnectFailedException failure = new ConnectFailedException(outcome, errno, String.valueOf(cause.getMessage()));
        failure.initCause(cause);
        return failure;
    }
}
