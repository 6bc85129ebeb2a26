// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socketbox;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.newsclub.net.unix.FileDescriptorCast;
import urelay.spi.Acceptor;
import urelay.spi.ByteStream;
import urelay.spi.Capture;
import urelay.spi.ClientConnection;
import urelay.spi.ListenRequest;
import urelay.runtime.linux.LinuxNetwork;
import urelay.spi.Network;
import urelay.spi.PassingSocket;
import urelay.spi.UnixDestination;

/**
 * Adopts descriptors the way the runtime's contract says, without taking them over: any
 * socket is taken (the tests pass Unix socket pairs, as TCP needs no more), anything else is
 * the wrong kind, and with {@link #loseSockets} set a socket counts as a lost connection.
 * Refused descriptors are closed, as the runtime closes them; {@link #close()} closes the rest.
 * The Unix sockets senders pass over are read by the runtime's real network.
 */
final class FakeNetwork implements Network, AutoCloseable {

    private final LinuxNetwork real;

    FakeNetwork() throws IOException {
        real = new LinuxNetwork();
    }

    @Override
    public PassingSocket adoptPassingSocket(int fd) throws IOException {
        return real.adoptPassingSocket(fd);
    }

    final List<FakeConnection> adopted = new CopyOnWriteArrayList<>();
    final List<Capture> captures = new CopyOnWriteArrayList<>();
    volatile boolean loseSockets;

    /** What {@code /proc/self/fd/N} points at, such as {@code socket:[4711]}; it names the open file. */
    static String target(int fd) throws IOException {
        return Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
    }

    static boolean isOpen(int fd) {
        return Files.exists(Path.of("/proc/self/fd/" + fd));
    }

    static void closeNumber(int fd) throws IOException {
        FileDescriptor descriptor = FileDescriptorCast.unsafeUsing(fd).as(FileDescriptor.class);
        new FileInputStream(descriptor).close();
    }

    @Override
    public ClientConnection adoptConnection(int fd, Capture capture) throws IOException {
        captures.add(capture);
        if (!target(fd).startsWith("socket:")) {
            closeNumber(fd);
            throw new IllegalArgumentException("descriptor " + fd + " is not a socket");
        }
        if (loseSockets) {
            closeNumber(fd);
            throw new IOException("getpeername: ENOTCONN (Transport endpoint is not connected)");
        }
        FakeConnection connection = new FakeConnection(fd);
        adopted.add(connection);
        return connection;
    }

    @Override
    public void close() throws IOException {
        for (FakeConnection connection : adopted) {
            closeNumber(connection.fd());
        }
        real.close();
    }

    @Override
    public Acceptor listen(ListenRequest request) {
        throw new UnsupportedOperationException("the socketbox source opens no TCP listener");
    }

    @Override
    public Acceptor adopt(int fd, String description) {
        throw new UnsupportedOperationException("the socketbox source adopts no listener");
    }

    @Override
    public ByteStream connect(InetSocketAddress remote, Duration timeout) {
        throw new UnsupportedOperationException("sources do not connect");
    }

    @Override
    public ByteStream connect(UnixDestination destination, Duration timeout) {
        throw new UnsupportedOperationException("sources do not connect");
    }
}
