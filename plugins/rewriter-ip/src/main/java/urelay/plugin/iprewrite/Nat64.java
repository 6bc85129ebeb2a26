// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.iprewrite;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts an IPv4 address into an IPv6 address under a NAT64 prefix, and takes it back out, with
 * the layouts of RFC 6052 section 2.2. Immutable; safe on any thread.
 *
 * <p>The 32 IPv4 bits follow the prefix directly, except that they never occupy octet 8
 * (bits 64 to 71, which RFC 6052 calls "u" and requires to be zero): IPv4 octets that would
 * land there move one octet on. Whatever is left after the IPv4 bits (the suffix) is zero.
 * Every allowed length is a multiple of 8, so the layout works on whole octets.
 *
 * <p>On the way back an address counts as IPv4-embedded when it starts with the prefix and
 * its u octet is zero. The suffix is ignored: RFC 6052 reserves it for future use and asks
 * only that it be zero, so a non-zero suffix does not make the embedded IPv4 address wrong.
 *
 * @param prefix an IPv6 prefix of length 32, 40, 48, 56, 64 or 96; a /96 prefix has octet 8
 *               zero
 */
record Nat64(IpPrefix prefix) {

    /** The prefix lengths RFC 6052 defines a layout for. */
    static final List<Integer> LENGTHS = List.of(32, 40, 48, 56, 64, 96);

    /** The well-known prefix of RFC 6052 section 2.1. */
    static final IpPrefix WELL_KNOWN_PREFIX = IpPrefix.parse("64:ff9b::/96");

    private static final int U_OCTET = 8;

    /** @throws IllegalArgumentException if the prefix is IPv4, has another length or sets the u octet */
    Nat64 {
        Objects.requireNonNull(prefix, "prefix");
        if (!prefix.isIpv6()) {
            throw new IllegalArgumentException("\"" + prefix + "\" is an IPv4 prefix; allowed an IPv6 prefix such as "
                    + WELL_KNOWN_PREFIX);
        }
        if (!LENGTHS.contains(prefix.length())) {
            throw new IllegalArgumentException("\"" + prefix + "\" has length " + prefix.length()
                    + "; allowed 32, 40, 48, 56, 64 or 96 (the layouts of RFC 6052)");
        }
        if (prefix.network().getAddress()[U_OCTET] != 0) {
            throw new IllegalArgumentException("\"" + prefix + "\" sets bits 64 to 71, which RFC 6052 requires to be"
                    + " zero; allowed a /96 prefix whose fifth group is 0 to ff, such as " + WELL_KNOWN_PREFIX);
        }
    }

    /** The IPv6 address under the prefix that carries {@code ipv4}. */
    Inet6Address embed(Inet4Address ipv4) {
        byte[] bytes = prefix.network().getAddress();
        byte[] embedded = ipv4.getAddress();
        int octet = prefix.length() / 8;
        for (byte value : embedded) {
            octet = octet == U_OCTET ? octet + 1 : octet;
            bytes[octet++] = value;
        }
        return (Inet6Address) AddressBits.toAddress(bytes);
    }

    /**
     * The IPv4 address {@code address} carries, or empty when it is not an IPv4-embedded
     * address under this prefix (another prefix, an IPv4 address, or a non-zero u octet).
     */
    Optional<Inet4Address> extract(InetAddress address) {
        if (!prefix.contains(address) || address.getAddress()[U_OCTET] != 0) {
            return Optional.empty();
        }

        byte[] bytes = address.getAddress();
        byte[] ipv4 = new byte[4];
        int octet = prefix.length() / 8;
        for (int i = 0; i < ipv4.length; i++) {
            octet = octet == U_OCTET ? octet + 1 : octet;
            ipv4[i] = bytes[octet++];
        }
        return Optional.of((Inet4Address) AddressBits.toAddress(ipv4));
    }
}
