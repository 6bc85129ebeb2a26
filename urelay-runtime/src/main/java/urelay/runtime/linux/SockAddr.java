// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.linux;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;

/**
 * Encodes and decodes {@code struct sockaddr_in} and {@code struct sockaddr_in6}
 * (netinet/in.h). IPv4-mapped IPv6 addresses, which a dual-stack socket reports for IPv4
 * peers, are decoded as plain IPv4, and scope ids are dropped: urelay compares and prints
 * addresses, and a scope id means nothing outside the namespace that reported it.
 */
public final class SockAddr {

    /** Room for any socket address: {@code sizeof(struct sockaddr_storage)}. */
    public static final int STORAGE_SIZE = 128;
    static final int IN_SIZE = 16;
    static final int IN6_SIZE = 28;

    private static final ValueLayout.OfShort NET_SHORT = JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN)
            .withByteAlignment(1);

    private SockAddr() {
    }

    /** The address family a socket needs for this address. */
    public static int family(InetAddress address) {
        return address instanceof Inet4Address ? Libc.AF_INET : Libc.AF_INET6;
    }

    /** Writes the address into a new segment from {@code allocator}. */
    public static MemorySegment encode(InetSocketAddress address, SegmentAllocator allocator) {
        InetAddress ip = address.getAddress();
        if (ip instanceof Inet4Address) {
            MemorySegment sa = allocator.allocate(IN_SIZE);
            sa.fill((byte) 0);
            sa.set(JAVA_SHORT, 0, (short) Libc.AF_INET);
            sa.set(NET_SHORT, 2, (short) address.getPort());
            MemorySegment.copy(ip.getAddress(), 0, sa, JAVA_BYTE, 4, 4);
            return sa;
        }
        MemorySegment sa = allocator.allocate(IN6_SIZE);
        sa.fill((byte) 0);
        sa.set(JAVA_SHORT, 0, (short) Libc.AF_INET6);
        sa.set(NET_SHORT, 2, (short) address.getPort());
        MemorySegment.copy(ip.getAddress(), 0, sa, JAVA_BYTE, 8, 16);
        if (ip instanceof Inet6Address v6 && v6.getScopeId() != 0) {
            sa.set(JAVA_INT.withByteAlignment(1), 24, v6.getScopeId());
        }
        return sa;
    }

    /** Longest Unix socket path: {@code sun_path} holds 108 bytes, one for the final NUL. */
    public static final int UNIX_PATH_MAX = 107;

    /**
     * Writes a {@code sockaddr_un} (sys/un.h) for a path in the file system.
     *
     * @throws IllegalArgumentException if the path is longer than {@link #UNIX_PATH_MAX} bytes
     */
    public static MemorySegment encodeUnix(java.nio.file.Path path, SegmentAllocator allocator) {
        byte[] bytes = path.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length == 0 || bytes.length > UNIX_PATH_MAX) {
            throw new IllegalArgumentException("unix socket path has " + bytes.length + " bytes; allowed 1-"
                    + UNIX_PATH_MAX);
        }
        MemorySegment sa = allocator.allocate(2 + bytes.length + 1);
        sa.fill((byte) 0);
        sa.set(JAVA_SHORT, 0, (short) Libc.AF_UNIX);
        MemorySegment.copy(bytes, 0, sa, JAVA_BYTE, 2, bytes.length);
        return sa;
    }

    /**
     * Reads a {@code sockaddr_in} or {@code sockaddr_in6}.
     *
     * @throws IllegalArgumentException for another family
     */
    public static InetSocketAddress decode(MemorySegment sa) {
        int family = sa.get(JAVA_SHORT, 0);
        int port = Short.toUnsignedInt(sa.get(NET_SHORT, 2));
        byte[] bytes = switch (family) {
            case Libc.AF_INET -> sa.asSlice(4, 4).toArray(JAVA_BYTE);
            case Libc.AF_INET6 -> sa.asSlice(8, 16).toArray(JAVA_BYTE);
            default -> throw new IllegalArgumentException("not an IP socket address: family " + family);
        };
        return new InetSocketAddress(plain(bytes), port);
    }

    /** An address from its bytes, with an IPv4-mapped IPv6 address turned into IPv4. */
    public static InetAddress plain(byte[] bytes) {
        try {
            if (bytes.length == 16 && isV4Mapped(bytes)) {
                byte[] v4 = new byte[4];
                System.arraycopy(bytes, 12, v4, 0, 4);
                return InetAddress.getByAddress(v4);
            }
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad address length " + bytes.length, e);
        }
    }

    /** The same address with an IPv4-mapped form turned into IPv4 and any scope id dropped. */
    public static InetAddress plain(InetAddress address) {
        return address instanceof Inet6Address ? plain(address.getAddress()) : address;
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }
}
