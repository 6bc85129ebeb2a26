// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.linux;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import urelay.spi.Acceptor;

/**
 * A listening TCP socket owned by the runtime; {@link #accept()} parks the calling virtual
 * thread until a client arrives. The runtime runs one accept loop per listening socket.
 */
public final class ListeningSocket implements Acceptor {

    private final int fd;
    private final Poller poller;
    private final Readiness readiness;
    private final String description;
    private final AtomicBoolean closed = new AtomicBoolean();

    ListeningSocket(int fd, Poller poller, String description) throws NativeException {
        this.fd = fd;
        this.poller = poller;
        this.readiness = poller.register(fd);
        this.description = description;
    }

    @Override
    public ClientSocket accept() throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment address = arena.allocate(SockAddr.STORAGE_SIZE);
            MemorySegment length = arena.allocate(JAVA_INT);
            while (true) {
                int token = readiness.readToken();
                length.set(JAVA_INT, 0, SockAddr.STORAGE_SIZE);
                int client = Libc.accept4(fd, address, length, Libc.SOCK_NONBLOCK | Libc.SOCK_CLOEXEC);
                if (client >= 0) {
                    return wrap(client, SockAddr.decode(address));
                }
                int errno = Libc.errno();
                if (closed.get()) {
                    throw new NativeException("accept on closed " + description, Errno.EBADF);
                }
                if (errno == Errno.EAGAIN || errno == Errno.EINTR) {
                    readiness.awaitReadable(token, 0);
                } else if (errno != Errno.ECONNABORTED) {
                    throw new NativeException("accept " + description, errno);
                }
            }
        }
    }

    private ClientSocket wrap(int client, InetSocketAddress remote) throws IOException {
        try {
            InetSocketAddress local = Sockets.localAddress(client);
            Sockets.setInt(client, Libc.IPPROTO_TCP, Libc.TCP_NODELAY, 1, "TCP_NODELAY");
            return new ClientSocket(client, poller, remote, local);
        } catch (IOException | RuntimeException e) {
            Libc.close(client);
            throw e;
        }
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
