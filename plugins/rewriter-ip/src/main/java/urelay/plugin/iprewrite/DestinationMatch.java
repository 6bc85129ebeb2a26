// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.iprewrite;

import java.util.List;
import urelay.spi.IpDestination;

/**
 * Which IP destinations an {@code ip-rewrite} entry applies to: those whose address lies in
 * one of {@code cidrs} and whose port lies in one of {@code ports}. An empty list puts no limit
 * on its part. Immutable; safe on any thread.
 *
 * @param cidrs the prefixes; an address of the other family never matches a prefix
 * @param ports the ports and runs of ports
 */
record DestinationMatch(List<IpPrefix> cidrs, List<PortRange> ports) {

    /** Matches every IP destination. */
    static final DestinationMatch ANY = new DestinationMatch(List.of(), List.of());

    DestinationMatch {
        cidrs = List.copyOf(cidrs);
        ports = List.copyOf(ports);
    }

    /** Whether the entry applies to {@code destination}. */
    boolean test(IpDestination destination) {
        return (cidrs.isEmpty() || cidrs.stream().anyMatch(cidr -> cidr.contains(destination.address())))
                && (ports.isEmpty() || ports.stream().anyMatch(range -> range.contains(destination.port())));
    }
}
