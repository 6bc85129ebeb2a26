// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.linux;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import urelay.spi.IpDestination;

/** Socket calls shared by listening, accepted and outbound sockets; each names what it did on failure. */
final class Sockets {

    private Sockets() {
    }

    /** A new non-blocking, close-on-exec TCP socket for the address's family. */
    static int tcpSocket(InetSocketAddress forAddress) throws NativeException {
        int fd = Libc.socket(SockAddr.family(forAddress.getAddress()),
                Libc.SOCK_STREAM | Libc.SOCK_NONBLOCK | Libc.SOCK_CLOEXEC, 0);
        if (fd < 0) {
            throw new NativeException("socket", Libc.errno());
        }
        return fd;
    }

    /** Binds and listens; closes {@code fd} if either fails. */
    static void bindAndListen(int fd, InetSocketAddress address, int backlog) throws NativeException {
        try (Arena arena = Arena.ofConfined()) {
            setInt(fd, Libc.SOL_SOCKET, Libc.SO_REUSEADDR, 1, "SO_REUSEADDR");
            if (address.getAddress() instanceof Inet6Address && address.getAddress().isAnyLocalAddress()) {
                setInt(fd, Libc.IPPROTO_IPV6, Libc.IPV6_V6ONLY, 0, "IPV6_V6ONLY");
            }
            MemorySegment sa = SockAddr.encode(address, arena);
            if (Libc.bind(fd, sa, (int) sa.byteSize()) < 0) {
                throw new NativeException("bind " + text(address), Libc.errno());
            }
            if (Libc.listen(fd, backlog) < 0) {
                throw new NativeException("listen " + text(address), Libc.errno());
            }
        } catch (NativeException e) {
            Libc.close(fd);
            throw e;
        }
    }

    static void setInt(int fd, int level, int name, int value, String label) throws NativeException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(JAVA_INT);
            v.set(JAVA_INT, 0, value);
            if (Libc.setsockopt(fd, level, name, v, 4) < 0) {
                throw new NativeException("setsockopt " + label, Libc.errno());
            }
        }
    }

    static int getInt(int fd, int level, int name, String label) throws NativeException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(JAVA_INT);
            MemorySegment length = arena.allocate(JAVA_INT);
            length.set(JAVA_INT, 0, 4);
            if (Libc.getsockopt(fd, level, name, v, length) < 0) {
                throw new NativeException("getsockopt " + label, Libc.errno());
            }
            return v.get(JAVA_INT, 0);
        }
    }

    static InetSocketAddress localAddress(int fd) throws NativeException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sa = arena.allocate(SockAddr.STORAGE_SIZE);
            MemorySegment length = arena.allocate(JAVA_INT);
            length.set(JAVA_INT, 0, SockAddr.STORAGE_SIZE);
            if (Libc.getsockname(fd, sa, length) < 0) {
                throw new NativeException("getsockname", Libc.errno());
            }
            return SockAddr.decode(sa);
        }
    }

    static void makeNonBlockingAndCloseOnExec(int fd) throws NativeException {
        int flags = Libc.fcntl(fd, Libc.F_GETFL, 0);
        if (flags < 0 || Libc.fcntl(fd, Libc.F_SETFL, flags | Libc.O_NONBLOCK) < 0) {
            throw new NativeException("fcntl O_NONBLOCK fd " + fd, Libc.errno());
        }
        if (Libc.fcntl(fd, Libc.F_SETFD, Libc.FD_CLOEXEC) < 0) {
            throw new NativeException("fcntl FD_CLOEXEC fd " + fd, Libc.errno());
        }
    }

    /** {@code 192.0.2.1:80} or {@code [2001:db8::1]:80}. */
    static String text(InetSocketAddress address) {
        String host = IpDestination.addressText(SockAddr.plain(address.getAddress()));
        return host.contains(":") ? "[" + host + "]:" + address.getPort() : host + ":" + address.getPort();
    }
}
