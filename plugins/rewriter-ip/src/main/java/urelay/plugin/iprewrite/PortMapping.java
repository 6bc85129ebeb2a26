// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.iprewrite;

import java.util.Objects;
import urelay.spi.IpDestination;

/**
 * Mode {@code port-map}: a destination port in {@code from} becomes the port at the same
 * place in {@code to}; the address stays. Other ports are left alone.
 *
 * @param from the ports that move
 * @param to   where they move: a run of the same size as {@code from}
 */
record PortMapping(PortRange from, PortRange to) implements Mapping {

    /** @throws IllegalArgumentException naming {@code to} if its size differs from {@code from}'s */
    PortMapping {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.size() != to.size()) {
            throw new IllegalArgumentException("\"" + to + "\" holds " + ports(to) + " but from \"" + from + "\" holds "
                    + ports(from) + "; allowed a port or range of the same size as from");
        }
    }

    /** The port at {@code port}'s place in {@code to}, or {@code port} if outside {@code from}. */
    int map(int port) {
        return from.contains(port) ? to.first() + (port - from.first()) : port;
    }

    @Override
    public IpDestination apply(IpDestination destination) {
        int mapped = map(destination.port());
        return mapped == destination.port() ? destination : new IpDestination(destination.address(), mapped);
    }

    private static String ports(PortRange range) {
        return range.size() == 1 ? "1 port" : range.size() + " ports";
    }
}
