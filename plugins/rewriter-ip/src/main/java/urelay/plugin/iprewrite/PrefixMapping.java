// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.iprewrite;

import java.net.InetAddress;
import java.util.Objects;
import urelay.spi.IpDestination;

/**
 * Mode {@code prefix-map}: a destination under {@code from} moves under {@code to}, keeping
 * its bits after the prefix (its host part) and its port. Other destinations are left alone.
 *
 * @param from the prefix whose addresses move
 * @param to   where they move: same family and length as {@code from}
 */
record PrefixMapping(IpPrefix from, IpPrefix to) implements Mapping {

    private static final String ALLOWED = "; allowed a prefix of the same family and length as from";

    /** @throws IllegalArgumentException naming {@code to} if its family or length differs from {@code from}'s */
    PrefixMapping {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isIpv6() != to.isIpv6()) {
            throw new IllegalArgumentException("\"" + to + "\" is " + family(to) + " but from \"" + from + "\" is "
                    + family(from) + ALLOWED);
        }
        if (from.length() != to.length()) {
            throw new IllegalArgumentException("\"" + to + "\" has length " + to.length() + " but from \"" + from
                    + "\" has " + from.length() + ALLOWED);
        }
    }

    /**
     * The address under {@code to} with the host bits of {@code address}, or {@code address}
     * itself if it is outside {@code from}.
     */
    InetAddress map(InetAddress address) {
        if (!from.contains(address)) {
            return address;
        }
        byte[] bytes = address.getAddress();
        AddressBits.copyPrefix(to.network().getAddress(), bytes, to.length());
        return AddressBits.toAddress(bytes);
    }

    @Override
    public IpDestination apply(IpDestination destination) {
        InetAddress mapped = map(destination.address());
        return mapped == destination.address() ? destination : new IpDestination(mapped, destination.port());
    }

    private static String family(IpPrefix prefix) {
        return prefix.isIpv6() ? "IPv6" : "IPv4";
    }
}
