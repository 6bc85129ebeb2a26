// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.Set;

/**
 * The IP addresses of the calling thread's network namespace, from {@code getifaddrs(3)}.
 * Called from urelay's own threads, which never leave its namespace, so the answer is the
 * addresses a direct connection from urelay would reach on this host.
 */
public final class Interfaces {

    // struct ifaddrs (ifaddrs.h) on 64-bit Linux: next, name, flags (+4 padding), addr, ...
    private static final long NEXT = 0;
    private static final long ADDR = 24;

    private Interfaces() {
    }

    /** Every IPv4 and IPv6 address on an interface of this namespace, IPv4-mapped forms made plain. */
    public static Set<InetAddress> addresses() throws NativeException {
        Set<InetAddress> addresses = new HashSet<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment head = arena.allocate(ADDRESS);
            if (Libc.getifaddrs(head) < 0) {
                throw new NativeException("getifaddrs", Libc.errno());
            }
            MemorySegment list = head.get(ADDRESS, 0);
            try {
                for (MemorySegment entry = list; !entry.equals(MemorySegment.NULL); ) {
                    MemorySegment node = entry.reinterpret(56);
                    MemorySegment address = node.get(ADDRESS, ADDR);
                    if (!address.equals(MemorySegment.NULL)) {
                        MemorySegment sockaddr = address.reinterpret(SockAddr.IN6_SIZE);
                        int family = sockaddr.get(JAVA_SHORT, 0);
                        if (family == Libc.AF_INET || family == Libc.AF_INET6) {
                            addresses.add(SockAddr.decode(sockaddr).getAddress());
                        }
                    }
                    entry = node.get(ADDRESS, NEXT);
                }
            } finally {
                Libc.freeifaddrs(list);
            }
        }
        return addresses;
    }
}
