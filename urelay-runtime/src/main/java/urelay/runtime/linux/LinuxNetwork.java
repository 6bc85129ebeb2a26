// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.linux;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import urelay.spi.Acceptor;
import urelay.spi.BindOptions;
import urelay.spi.Capture;
import urelay.spi.ClientConnection;
import urelay.spi.ByteStream;
import urelay.spi.ConnectFailedException;
import urelay.spi.ListenRequest;
import urelay.spi.Network;
import urelay.spi.PassingSocket;
import urelay.spi.Outcome;
import urelay.spi.UnixDestination;

/**
 * The runtime's {@link Network}: every socket a plugin opens, adopts or connects is made here
 * and watched by one {@link Poller}. Thread-safe.
 */
public final class LinuxNetwork implements Network, AutoCloseable {

    private static final int BACKLOG = 4096;

    private final Poller poller;

    /** Starts the poller thread. */
    public LinuxNetwork() throws NativeException {
        this.poller = new Poller();
    }

    @Override
    public Acceptor listen(ListenRequest request) throws IOException {
        InetSocketAddress address = new InetSocketAddress(request.address(), request.port());
        Namespaces.SocketWork open = () -> {
            int fd = Sockets.tcpSocket(address);
            if (request.capture() == Capture.TPROXY) {
                try {
                    // Must be set before bind, or the socket never sees connections for other addresses.
                    Sockets.setTransparent(fd, address.getAddress() instanceof Inet6Address);
                } catch (NativeException e) {
                    Libc.close(fd);
                    throw e;
                }
            }
            Sockets.bindAndListen(fd, address, BACKLOG);
            return fd;
        };
        String where = Sockets.text(address) + request.netns().map(ns -> " in " + ns).orElse("");
        int fd;
        try {
            fd = request.netns().isPresent() ? Namespaces.inNamespace(request.netns().get(), open) : open.run();
        } catch (NativeException e) {
            if (request.netns().isPresent() && e.call().contains(request.netns().get().toString())) {
                throw e;
            }
            // bind and listen name only the address; which namespace matters as much.
            throw new NativeException(e.call() + request.netns().map(ns -> " in namespace " + ns)
                    .orElse(" in urelay's own namespace"), e.errno());
        }
        try {
            Optional<InetSocketAddress> own = request.netns().isEmpty() ? Optional.of(address) : Optional.empty();
            return new ListeningSocket(fd, poller, where, request.capture(), own);
        } catch (NativeException e) {
            Libc.close(fd);
            throw e;
        }
    }

    @Override
    public Acceptor adopt(int fd, String description) throws IOException {
        return adopt(fd, description, Capture.LOCAL);
    }

    @Override
    public Acceptor adopt(int fd, String description, Capture capture) throws IOException {
        if (Libc.fcntl(fd, Libc.F_GETFD, 0) < 0) {
            throw new NativeException(description + ": descriptor " + fd + " is not open", Libc.errno());
        }
        Sockets.Kind kind;
        try {
            kind = Sockets.kind(fd);
        } catch (IllegalArgumentException e) {
            throw new IOException(description + ": " + e.getMessage(), e);
        }
        if (kind.type() != Libc.SOCK_STREAM || !kind.listening()) {
            throw new IOException(description + ": descriptor " + fd + " is not a listening stream socket");
        }
        if (kind.family() != Libc.AF_INET && kind.family() != Libc.AF_INET6) {
            throw new IOException(description + ": descriptor " + fd + " is not a TCP socket (family "
                    + kind.family() + ")");
        }
        if (capture == Capture.TPROXY && !Sockets.isTransparent(fd, kind.family() == Libc.AF_INET6)) {
            throw new IOException(description + ": descriptor " + fd + " has no IP_TRANSPARENT, so a TPROXY rule "
                    + "cannot hand it connections; set it before binding, or use capture: local or redirect");
        }
        Sockets.makeNonBlockingAndCloseOnExec(fd);
        String where = Sockets.text(Sockets.localAddress(fd)) + " from " + description;
        return new ListeningSocket(fd, poller, where, capture, Optional.empty());
    }

    @Override
    public ClientConnection adoptConnection(int fd, Capture capture) throws IOException {
        try {
            checkTcpConnection(fd);
            Sockets.makeNonBlockingAndCloseOnExec(fd);
        } catch (IOException | IllegalArgumentException e) {
            Libc.close(fd);
            throw e;
        }
        return ClientSocket.accepted(fd, poller, capture);
    }

    @Override
    public PassingSocket adoptPassingSocket(int fd) throws IOException {
        return PassingUnixSocket.adopt(fd, poller);
    }

    /** Refuses, as the wrong kind of argument, anything but a TCP socket that is not listening. */
    private static void checkTcpConnection(int fd) throws NativeException {
        Sockets.Kind kind = Sockets.kind(fd);
        if (kind.type() != Libc.SOCK_STREAM || kind.family() != Libc.AF_INET && kind.family() != Libc.AF_INET6) {
            throw new IllegalArgumentException("descriptor " + fd + " is not a TCP socket (" + kind.text() + ")");
        }
        if (kind.listening()) {
            throw new IllegalArgumentException("descriptor " + fd + " is a listening socket, not a connection");
        }
    }

    @Override
    public ByteStream connect(InetSocketAddress remote, Duration timeout) throws ConnectFailedException {
        return connect(remote, timeout, BindOptions.NONE);
    }

    @Override
    public ByteStream connect(InetSocketAddress remote, Duration timeout, BindOptions bind)
            throws ConnectFailedException {
        int fd;
        try {
            fd = Sockets.tcpSocket(remote);
        } catch (NativeException e) {
            throw failure(e);
        }
        LinuxSocket socket;
        try {
            // Relayed bytes are passed on as they come; Nagle's delay would only add latency.
            Sockets.setInt(fd, Libc.IPPROTO_TCP, Libc.TCP_NODELAY, 1, "TCP_NODELAY");
            OutboundBind.apply(fd, bind, remote);
            socket = new LinuxSocket(fd, poller);
        } catch (NativeException e) {
            Libc.close(fd);
            throw failure(e);
        }
        try {
            awaitConnected(socket, remote, timeout);
            return socket;
        } catch (ConnectFailedException e) {
            socket.close();
            if (bind.transparent() && e.outcome() == Outcome.TIMEOUT) {
                // The usual cause is a setup one, and the bare timeout does not point at it.
                throw new ConnectFailedException(Outcome.TIMEOUT, e.errno(), e.getMessage()
                        + " from the client's own address; its replies need routing back to urelay, and behind "
                        + "REDIRECT a notrack rule (docs/capture-redirect.md)");
            }
            throw e;
        }
    }

    @Override
    public ByteStream connect(UnixDestination destination, Duration timeout) throws ConnectFailedException {
        int fd = Libc.socket(Libc.AF_UNIX, Libc.SOCK_STREAM | Libc.SOCK_NONBLOCK | Libc.SOCK_CLOEXEC, 0);
        if (fd < 0) {
            throw failure(new NativeException("socket AF_UNIX", Libc.errno()));
        }
        LinuxSocket socket;
        try {
            socket = new LinuxSocket(fd, poller);
        } catch (NativeException e) {
            Libc.close(fd);
            throw failure(e);
        }
        try {
            awaitUnixConnected(socket, destination, timeout);
            return socket;
        } catch (ConnectFailedException e) {
            socket.close();
            throw e;
        }
    }

    private static void awaitUnixConnected(LinuxSocket socket, UnixDestination destination, Duration timeout)
            throws ConnectFailedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sa;
            try {
                sa = SockAddr.encodeUnix(destination.path(), arena);
            } catch (IllegalArgumentException e) {
                throw new ConnectFailedException(Outcome.ERROR, "ENAMETOOLONG", destination.text() + ": " + e.getMessage());
            }
            while (true) {
                int token = socket.readiness().writeToken();
                if (Libc.connect(socket.fd(), sa, (int) sa.byteSize()) == 0) {
                    return;
                }
                int errno = Libc.errno();
                // A full accept queue answers EAGAIN; a Unix connect otherwise completes at once.
                if (errno != Errno.EAGAIN && errno != Errno.EINPROGRESS) {
                    throw failure(new NativeException("connect " + destination.text(), errno));
                }
                boolean accepted = socket.readiness().awaitWritable(token, deadline);
                if (Thread.currentThread().isInterrupted()) {
                    throw new ConnectFailedException(Outcome.ERROR, "-", "connect " + destination.text()
                            + ": interrupted");
                }
                if (!accepted) {
                    throw new ConnectFailedException(Outcome.TIMEOUT, "-", "connect " + destination.text()
                            + ": not accepted within " + timeout.toMillis() + " ms");
                }
                if (errno == Errno.EINPROGRESS) {
                    return;
                }
            }
        }
    }

    private static void awaitConnected(LinuxSocket socket, InetSocketAddress remote, Duration timeout)
            throws ConnectFailedException {
        String target = Sockets.text(remote);
        int token = socket.readiness().writeToken();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sa = SockAddr.encode(remote, arena);
            if (Libc.connect(socket.fd(), sa, (int) sa.byteSize()) == 0) {
                return;
            }
        }
        int errno = Libc.errno();
        if (errno != Errno.EINPROGRESS) {
            throw failure(new NativeException("connect " + target, errno));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        // The wake-up may be stale: epoll reports a fresh, unconnected socket as writable when
        // it is registered, and that event can arrive after the token was read. So a wake-up
        // only ends the wait once SO_ERROR names a failure or getpeername shows a peer.
        while (true) {
            boolean answered = socket.readiness().awaitWritable(token, deadline);
            if (Thread.currentThread().isInterrupted()) {
                throw new ConnectFailedException(Outcome.ERROR, "-", "connect " + target + ": interrupted");
            }
            if (!answered) {
                throw new ConnectFailedException(Outcome.TIMEOUT, "-",
                        "connect " + target + ": no answer within " + timeout.toMillis() + " ms");
            }
            token = socket.readiness().writeToken();
            try {
                int error = Sockets.getInt(socket.fd(), Libc.SOL_SOCKET, Libc.SO_ERROR, "SO_ERROR");
                if (error != 0) {
                    throw new NativeException("connect " + target, error);
                }
                if (Sockets.isConnected(socket.fd())) {
                    return;
                }
            } catch (NativeException e) {
                throw failure(e);
            }
        }
    }

    private static ConnectFailedException failure(NativeException e) {
        Outcome outcome = switch (e.errno()) {
            case Errno.ECONNREFUSED, Errno.ENOENT -> Outcome.REFUSED;
            case Errno.ETIMEDOUT -> Outcome.TIMEOUT;
            case Errno.ENETUNREACH, Errno.EHOSTUNREACH, Errno.ENETDOWN, Errno.EHOSTDOWN,
                 Errno.EADDRNOTAVAIL -> Outcome.UNREACHABLE;
            case Errno.ECONNRESET -> Outcome.RESET;
            default -> Outcome.ERROR;
        };
        ConnectFailedException failure = new ConnectFailedException(outcome, e.errnoName(), e.getMessage());
        failure.initCause(e);
        return failure;
    }

    /** The poller, for the relay. */
    public Poller poller() {
        return poller;
    }

    @Override
    public void close() {
        poller.close();
    }
}
