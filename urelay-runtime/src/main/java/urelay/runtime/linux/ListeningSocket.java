// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.linux;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import urelay.spi.Acceptor;
import urelay.spi.Capture;

/**
 * A listening TCP socket owned by the runtime; {@link #accept()} parks the calling virtual
 * thread until a client arrives. The runtime runs one accept loop per listening socket.
 */
public final class ListeningSocket implements Acceptor {

    private static final System.Logger LOG = System.getLogger("urelay.accept");

    private final int fd;
    private final Poller poller;
    private final Readiness readiness;
    private final String description;
    private final Capture capture;
    private final Optional<InetSocketAddress> ownNamespaceAddress;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param ownNamespaceAddress the bound address when the socket lives in urelay's own
     *                            namespace, for the guard's loop check; empty when it lives in
     *                            another namespace or nobody can tell (an inherited socket)
     */
    ListeningSocket(int fd, Poller poller, String description, Capture capture,
            Optional<InetSocketAddress> ownNamespaceAddress) throws NativeException {
        this.fd = fd;
        this.capture = capture;
        this.ownNamespaceAddress = ownNamespaceAddress;
        this.poller = poller;
        this.readiness = poller.register(fd);
        this.description = description;
    }

    @Override
    public ClientSocket accept() throws IOException {
        while (true) {
            int token = readiness.readToken();
            int client = Libc.accept4(fd, MemorySegment.NULL, MemorySegment.NULL,
                    Libc.SOCK_NONBLOCK | Libc.SOCK_CLOEXEC);
            if (client >= 0) {
                try {
                    return ClientSocket.accepted(client, poller, capture);
                } catch (NativeException e) {
                    // One client that is already gone, or that connection tracking does not
                    // know, must not pause accepting for everyone else. A client gone is
                    // routine (a reset storm gives one per client), so it is not a warning.
                    System.Logger.Level level = AcceptErrors.clientGone(e.errno())
                            ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING;
                    LOG.log(level, "accepted connection dropped at=" + description + " error=\"" + e.getMessage()
                            + "\"");
                    continue;
                }
            }
            int errno = Libc.errno();
            if (closed.get()) {
                throw new NativeException("accept on closed " + description, Errno.EBADF);
            }
            if (errno == Errno.EAGAIN || errno == Errno.EINTR) {
                readiness.awaitReadable(token, 0);
            } else if (AcceptErrors.onlyThatClient(errno)) {
                LOG.log(System.Logger.Level.DEBUG, "accept skipped a failed connection at=" + description
                        + " errno=" + Errno.name(errno));
            } else {
                throw new NativeException("accept " + description, errno);
            }
        }
    }

    /** The bound address, when this socket lives in urelay's own namespace. */
    public Optional<InetSocketAddress> ownNamespaceAddress() {
        return ownNamespaceAddress;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            poller.deregister(readiness);
            Libc.close(fd);
        }
    }
}
