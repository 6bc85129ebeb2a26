// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.iprewrite;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Bit-level helpers over the bytes of an address in network order (bit 0 is the highest bit
 * of the first byte). Pure functions; safe on any thread.
 */
final class AddressBits {

    private AddressBits() {
    }

    /** Whether bits {@code 0} to {@code length - 1} of {@code a} and {@code b} are equal. */
    static boolean samePrefix(byte[] a, byte[] b, int length) {
        int whole = length / 8;
        for (int i = 0; i < whole; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        int rest = length % 8;
        return rest == 0 || ((a[whole] ^ b[whole]) & highMask(rest)) == 0;
    }

    /** Whether every bit from {@code from} to the end of {@code bytes} is zero. */
    static boolean zeroFrom(byte[] bytes, int from) {
        int whole = from / 8;
        int rest = from % 8;
        if (rest != 0 && (bytes[whole] & ~highMask(rest) & 0xff) != 0) {
            return false;
        }
        for (int i = rest == 0 ? whole : whole + 1; i < bytes.length; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Copies bits {@code 0} to {@code length - 1} of {@code source} over those of {@code target}. */
    static void copyPrefix(byte[] source, byte[] target, int length) {
        int whole = length / 8;
        System.arraycopy(source, 0, target, 0, whole);
        int rest = length % 8;
        if (rest != 0) {
            int mask = highMask(rest);
            target[whole] = (byte) ((source[whole] & mask) | (target[whole] & ~mask));
        }
    }

    /**
     * The address with these bytes: an {@link java.net.Inet4Address} for 4 bytes, an
     * {@link Inet6Address} for 16. Sixteen bytes stay IPv6 even when they spell an
     * IPv4-mapped address, which {@link InetAddress#getByAddress(byte[])} would turn into
     * IPv4. No name is looked up.
     */
    static InetAddress toAddress(byte[] bytes) {
        try {
            return bytes.length == 16 ? Inet6Address.getByAddress(null, bytes, -1) : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + bytes.length, e);
        }
    }

    /** An octet whose highest {@code bits} bits are set (1 to 8). */
    private static int highMask(int bits) {
        return (0xff << (8 - bits)) & 0xff;
    }
}
