// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.route;

import java.util.List;
import urelay.spi.Destination;
import urelay.spi.DomainDestination;
import urelay.spi.IpDestination;
import urelay.spi.UnixDestination;

/**
 * A route's condition: the destination's address is in one of {@code cidrs} and its port in
 * one of {@code ports}. An empty list places no condition. Address and port conditions only
 * ever hold for IP destinations: a domain or Unix destination matches only a condition-free
 * match.
 *
 * @param cidrs prefixes the address must be in (any of them)
 * @param ports ranges the port must be in (any of them)
 */
public record Match(List<Cidr> cidrs, List<PortRange> ports) {

    /** The match with no condition. */
    public static final Match ANY = new Match(List.of(), List.of());

    public Match {
        cidrs = List.copyOf(cidrs);
        ports = List.copyOf(ports);
    }

    /** Whether this match places no condition. */
    public boolean isAny() {
        return cidrs.isEmpty() && ports.isEmpty();
    }

    /** Whether {@code destination} meets the condition. */
    public boolean matches(Destination destination) {
        return switch (destination) {
            case IpDestination ip -> addressMatches(ip) && portMatches(ip.port());
            case DomainDestination _ -> isAny();
            case UnixDestination _ -> isAny();
        };
    }

    private boolean addressMatches(IpDestination ip) {
        return cidrs.isEmpty() || cidrs.stream().anyMatch(cidr -> cidr.contains(ip.address()));
    }

    private boolean portMatches(int port) {
        return ports.isEmpty() || ports.stream().anyMatch(range -> range.contains(port));
    }
}
