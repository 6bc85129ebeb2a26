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

    /**
     * Sets an option that only a process with {@code capability} may set; the error then names
     * the capability, so a user knows what to grant instead of reading an errno.
     */
    static void setIntPrivileged(int fd, int level, int name, int value, String label, String capability)
            throws NativeException {
        try {
            setInt(fd, level, name, value, label);
        } catch (NativeException e) {
            throw e.errno() == Errno.EPERM ? new NativeException("setsockopt " + label + " (needs " + capability
                    + ")", e.errno()) : e;
        }
    }

    /** Binds an outbound socket to an interface by name ({@code SO_BINDTODEVICE}). */
    static void bindToDevice(int fd, String device) throws NativeException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name = arena.allocateFrom(device);
            if (Libc.setsockopt(fd, Libc.SOL_SOCKET, Libc.SO_BINDTODEVICE, name, (int) name.byteSize()) < 0) {
                int errno = Libc.errno();
                String what = "setsockopt SO_BINDTODEVICE " + device
                        + (errno == Errno.EPERM ? " (needs CAP_NET_RAW)" : "");
                throw new NativeException(what, errno);
            }
        }
    }

    static void bind(int fd, InetSocketAddress address) throws NativeException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sa = SockAddr.encode(address, arena);
            if (Libc.bind(fd, sa, (int) sa.byteSize()) < 0) {
                throw new NativeException("bind " + text(address), Libc.errno());
            }
        }
    }

    /**
     * The destination a REDIRECT or DNAT rule replaced, from connection tracking:
     * {@code SO_ORIGINAL_DST} for IPv4 connections, {@code IP6T_SO_ORIGINAL_DST} for IPv6.
     */
    static InetSocketAddress originalDestination(int fd, boolean ipv4) throws NativeException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sa = arena.allocate(SockAddr.STORAGE_SIZE);
            MemorySegment length = arena.allocate(JAVA_INT);
            length.set(JAVA_INT, 0, SockAddr.STORAGE_SIZE);
            int level = ipv4 ? Libc.SOL_IP : Libc.IPPROTO_IPV6;
            if (Libc.getsockopt(fd, level, Libc.SO_ORIGINAL_DST, sa, length) < 0) {
                throw new NativeException(ipv4 ? "getsockopt SO_ORIGINAL_DST" : "getsockopt IP6T_SO_ORIGINAL_DST",
                        Libc.errno());
            }
            return SockAddr.decode(sa);
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

    /** A socket's family, type and whether it listens, as {@code getsockopt} reports them. */
    record Kind(int family, int type, boolean listening) {

        /** The kind in words, for errors: {@code family 1, type 2}. */
        String text() {
            return "family " + family + ", type " + type;
        }
    }

    /**
     * What kind of socket {@code fd} is.
     *
     * @throws IllegalArgumentException if {@code fd} is not an open socket
     */
    static Kind kind(int fd) throws NativeException {
        int type;
        try {
            type = getInt(fd, Libc.SOL_SOCKET, Libc.SO_TYPE, "SO_TYPE");
        } catch (NativeException e) {
            if (e.errno() == Errno.ENOTSOCK || e.errno() == Errno.EBADF) {
                throw new IllegalArgumentException("descriptor " + fd + " is not a socket: " + e.getMessage());
            }
            throw e;
        }
        int family = getInt(fd, Libc.SOL_SOCKET, Libc.SO_DOMAIN, "SO_DOMAIN");
        boolean listening = getInt(fd, Libc.SOL_SOCKET, Libc.SO_ACCEPTCONN, "SO_ACCEPTCONN") != 0;
        return new Kind(family, type, listening);
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

    /** Whether the socket has a peer yet: false while a non-blocking connect is in progress. */
    static boolean isConnected(int fd) throws NativeException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sa = arena.allocate(SockAddr.STORAGE_SIZE);
            MemorySegment length = arena.allocate(JAVA_INT);
            length.set(JAVA_INT, 0, SockAddr.STORAGE_SIZE);
            if (Libc.getpeername(fd, sa, length) == 0) {
                return true;
            }
            int errno = Libc.errno();
            if (errno == Errno.ENOTCONN) {
                return false;
            }
            throw new NativeException("getpeername", errno);
        }
    }

    static InetSocketAddress remoteAddress(int fd) throws NativeException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sa = arena.allocate(SockAddr.STORAGE_SIZE);
            MemorySegment length = arena.allocate(JAVA_INT);
            length.set(JAVA_INT, 0, SockAddr.STORAGE_SIZE);
            if (Libc.getpeername(fd, sa, length) < 0) {
                throw new NativeException("getpeername", Libc.errno());
            }
            return SockAddr.decode(sa);
        }
    }

    /** Lets the socket use addresses that are not this host's: {@code IP_TRANSPARENT} or its IPv6 twin. */
    static void setTransparent(int fd, boolean ipv6) throws NativeException {
        if (ipv6) {
            setIntPrivileged(fd, Libc.IPPROTO_IPV6, Libc.IPV6_TRANSPARENT, 1, "IPV6_TRANSPARENT", "CAP_NET_ADMIN");
        } else {
            setIntPrivileged(fd, Libc.SOL_IP, Libc.IP_TRANSPARENT, 1, "IP_TRANSPARENT", "CAP_NET_ADMIN");
        }
    }

    /** Whether {@code fd} has {@code IP_TRANSPARENT} ({@code IPV6_TRANSPARENT} for an IPv6 socket). */
    static boolean isTransparent(int fd, boolean ipv6) throws NativeException {
        return ipv6 ? getInt(fd, Libc.IPPROTO_IPV6, Libc.IPV6_TRANSPARENT, "IPV6_TRANSPARENT") != 0
                : getInt(fd, Libc.SOL_IP, Libc.IP_TRANSPARENT, "IP_TRANSPARENT") != 0;
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
