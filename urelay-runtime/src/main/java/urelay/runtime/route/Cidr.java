// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.route;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import urelay.spi.IpDestination;

/**
 * An IPv4 or IPv6 prefix, such as {@code 203.0.113.0/24} or {@code 2001:db8::/32}. An IPv4
 * address is never inside an IPv6 prefix and the other way round; write an IPv4 prefix for
 * IPv4 clients, even those seen on a dual-stack socket (the JDK reports them as IPv4).
 *
 * @param network      the prefix's address, with every host bit zero
 * @param prefixLength 0 to 32 for IPv4, 0 to 128 for IPv6
 */
public record Cidr(InetAddress network, int prefixLength) {

    /** @throws IllegalArgumentException if the length does not fit the family or host bits are set */
    public Cidr {
        Objects.requireNonNull(network, "network");
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " is outside 0-" + bits);
        }
        if (!Arrays.equals(network.getAddress(), masked(network.getAddress(), prefixLength))) {
            throw new IllegalArgumentException("host bits are set; the prefix is "
                    + text(masked(network.getAddress(), prefixLength), prefixLength));
        }
    }

    /**
     * Parses {@code ADDRESS/LENGTH}, or a bare address as a single-host prefix. Only address
     * literals are accepted; nothing is looked up in DNS.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text}
     */
    public static Cidr parse(String text) {
        int slash = text.indexOf('/');
        String addressText = slash < 0 ? text : text.substring(0, slash);
        InetAddress address = literal(addressText);
        int bits = address.getAddress().length * 8;
        int length = slash < 0 ? bits : length(text.substring(slash + 1), bits);
        return new Cidr(address, length);
    }

    /** Whether {@code address} is of this prefix's family and inside it. */
    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] mine = network.getAddress();
        return candidate.length == mine.length && Arrays.equals(masked(candidate, prefixLength), mine);
    }

    /** Whether this is an IPv4 prefix. */
    public boolean isIpv4() {
        return network instanceof Inet4Address;
    }

    @Override
    public String toString() {
        return text(network.getAddress(), prefixLength);
    }

    private static InetAddress literal(String text) {
        if (text.indexOf('%') >= 0) {
            throw new IllegalArgumentException("a prefix cannot carry a scope id");
        }
        InetAddress address;
        try {
            address = IpDestination.parseLiteral(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not an IP address");
        }
        if (address instanceof Inet4Address && text.indexOf(':') >= 0) {
            throw new IllegalArgumentException("IPv4-mapped IPv6 prefixes are not supported;"
                    + " write the IPv4 prefix instead");
        }
        return address;
    }

    private static int length(String text, int bits) {
        if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("prefix length \"" + text + "\" is not a number 0-" + bits);
        }
        return Integer.parseInt(text);
    }

    private static byte[] masked(byte[] address, int prefixLength) {
        byte[] result = address.clone();
        for (int i = 0; i < result.length; i++) {
            int keep = Math.clamp(prefixLength - i * 8L, 0, 8);
            result[i] &= (byte) (0xff00 >>> keep);
        }
        return result;
    }

    private static String text(byte[] address, int prefixLength) {
        try {
            return IpDestination.addressText(InetAddress.getByAddress(address)) + "/" + prefixLength;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of 4 or 16 bytes is always valid", e);
        }
    }
}
