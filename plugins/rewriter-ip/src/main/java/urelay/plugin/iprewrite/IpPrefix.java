// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.iprewrite;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;
import urelay.spi.IpDestination;

/**
 * An IPv4 or IPv6 prefix such as {@code 192.0.2.0/24} or {@code 64:ff9b::/96}: a network
 * address whose bits after {@code length} are all zero. Immutable; safe on any thread.
 *
 * <p>The network keeps its family even for bytes that spell an IPv4-mapped address
 * ({@code ::ffff:0:0/96} is an IPv6 prefix), and never carries a scope id.
 *
 * @param network the network address
 * @param length  the number of leading bits that name the network: 0 to 32 for IPv4, 0 to 128
 *                for IPv6
 */
record IpPrefix(InetAddress network, int length) {

    private static final String ALLOWED = "allowed ADDRESS/LENGTH such as 192.0.2.0/24 or 2001:db8::/32";

    /** @throws IllegalArgumentException if the length does not fit the family or bits after it are set */
    IpPrefix {
        Objects.requireNonNull(network, "network");
        network = AddressBits.toAddress(network.getAddress());
        int width = network instanceof Inet6Address ? 128 : 32;
        String text = IpDestination.addressText(network) + "/" + length;
        if (length < 0 || length > width) {
            throw new IllegalArgumentException("\"" + text + "\" has length " + length + "; allowed 0-" + width
                    + " for IPv" + (width == 32 ? 4 : 6));
        }
        if (!AddressBits.zeroFrom(network.getAddress(), length)) {
            InetAddress masked = AddressBits.toAddress(masked(network.getAddress(), length));
            throw new IllegalArgumentException("\"" + text + "\" has bits set after /" + length
                    + "; allowed its network " + IpDestination.addressText(masked) + "/" + length);
        }
    }

    /**
     * Reads {@code ADDRESS/LENGTH}. The address must be a literal (nothing is looked up), IPv4
     * in four dotted decimal parts, with no zone.
     *
     * @throws IllegalArgumentException quoting {@code text} and saying what is allowed
     */
    static IpPrefix parse(String text) {
        Objects.requireNonNull(text, "text");
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("\"" + text + "\" has no /LENGTH; " + ALLOWED);
        }

        String lengthText = text.substring(slash + 1);
        boolean digits = lengthText.chars().allMatch(c -> c >= '0' && c <= '9');
        if (lengthText.isEmpty() || lengthText.length() > 3 || !digits) {
            throw new IllegalArgumentException("\"" + text + "\" has no numeric length after /; " + ALLOWED);
        }
        return new IpPrefix(literal(text, text.substring(0, slash)), Integer.parseInt(lengthText));
    }

    /** The number of bits in an address of this prefix's family: 32 or 128. */
    int width() {
        return isIpv6() ? 128 : 32;
    }

    /** Whether this is an IPv6 prefix. */
    boolean isIpv6() {
        return network instanceof Inet6Address;
    }

    /** Whether {@code address} is of this prefix's family and starts with its bits. */
    boolean contains(InetAddress address) {
        return (address instanceof Inet6Address) == isIpv6()
                && AddressBits.samePrefix(network.getAddress(), address.getAddress(), length);
    }

    /** The prefix as {@code ADDRESS/LENGTH}, IPv6 in its short form. */
    @Override
    public String toString() {
        return IpDestination.addressText(network) + "/" + length;
    }

    private static InetAddress literal(String text, String address) {
        boolean ipv6 = address.indexOf(':') >= 0;
        boolean dottedQuad = address.chars().filter(c -> c == '.').count() == 3;
        if (address.indexOf('%') >= 0 || (!ipv6 && !dottedQuad)) {
            throw new IllegalArgumentException("\"" + text + "\" does not start with an IP address; " + ALLOWED);
        }
        InetAddress parsed;
        try {
            parsed = InetAddress.ofLiteral(address);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + text + "\" does not start with an IP address; " + ALLOWED);
        }

        // The JDK reads "::ffff:192.0.2.1" as IPv4; written with colons it means IPv6 here.
        return ipv6 && parsed instanceof Inet4Address ? AddressBits.toAddress(mapped(parsed.getAddress())) : parsed;
    }

    private static byte[] mapped(byte[] ipv4) {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        System.arraycopy(ipv4, 0, bytes, 12, 4);
        return bytes;
    }

    private static byte[] masked(byte[] bytes, int length) {
        byte[] network = new byte[bytes.length];
        AddressBits.copyPrefix(bytes, network, length);
        return network;
    }
}
