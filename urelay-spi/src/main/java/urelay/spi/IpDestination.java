// SPDX-License-Identifier: Apache-2.0
package urelay.spi;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An IP address and a TCP port. An IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}) is
 * kept as the IPv4 address it stands for: the kernel treats the two alike, so every check
 * on a destination (routes, the guard) must too.
 *
 * @param address the IPv4 or IPv6 address, never an unresolved name
 * @param port    1 to 65535
 */
public record IpDestination(InetAddress address, int port) implements Destination {

    private static final Pattern DOTTED_QUAD = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

    /** @throws IllegalArgumentException if the port is out of range */
    public IpDestination {
        Objects.requireNonNull(address, "address");
        address = unmapped(address);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 1-65535");
        }
    }

    /**
     * Parses an IP address written the usual way, and only that way: IPv4 as four decimal
     * numbers 0 to 255 without leading zeros, IPv6 as RFC 4291 text without a zone. Unlike
     * {@link InetAddress#ofLiteral}, it refuses the old short and numeric IPv4 forms
     * ({@code 127.1}, {@code 2130706433}, {@code 017.0.0.1}), which tools read differently,
     * and it never looks a name up.
     *
     * @throws IllegalArgumentException if the text is not such an address
     */
    public static InetAddress parseLiteral(String text) {
        if (text == null || text.isEmpty() || !text.strip().equals(text)) {
            throw new IllegalArgumentException("\"" + text + "\" is not an IP address");
        }
        if (!text.contains(":") && !DOTTED_QUAD.matcher(text).matches()) {
            throw new IllegalArgumentException("\"" + text
                    + "\" is not an IPv4 address; write four numbers 0-255 such as 192.0.2.1");
        }
        if (text.contains("%") || text.contains("[")) {
            throw new IllegalArgumentException("\"" + text + "\" is not an IPv6 address; write it without "
                    + "brackets or a zone, such as 2001:db8::1");
        }
        return InetAddress.ofLiteral(text);
    }


    /** The IPv4 address an IPv4-mapped IPv6 address stands for; any other address as it is. */
    public static InetAddress unmapped(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] bytes = address.getAddress();
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return address;
            }
        }
        if (bytes[10] != (byte) 0xff || bytes[11] != (byte) 0xff) {
            return address;
        }
        try {
            return InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    /** Builds a destination from a resolved socket address. */
    public static IpDestination of(InetSocketAddress socketAddress) {
        return new IpDestination(socketAddress.getAddress(), socketAddress.getPort());
    }

    /** This destination as a socket address. */
    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(address, port);
    }

    /** Whether the address is IPv6 (and not IPv4). */
    public boolean isIpv6() {
        return address instanceof Inet6Address;
    }

    @Override
    public String text() {
        String host = addressText(address);
        return address instanceof Inet4Address ? host + ":" + port : "[" + host + "]:" + port;
    }

    /**
     * An address as text, IPv6 in the canonical form of RFC 5952 ({@code 2001:db8::7}, not
     * {@code 2001:db8:0:0:0:0:0:7}); a scope id is left out.
     */
    public static String addressText(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }

        // The longest run of two or more zero groups, the first one on a tie, becomes "::".
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }

        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
