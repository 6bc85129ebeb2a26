// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.route;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import urelay.spi.Destination;
import urelay.spi.DomainDestination;
import urelay.spi.IpDestination;
import urelay.spi.UnixDestination;

/**
 * A route's condition. Every non-empty list must hold, and a list holds when any one of its
 * entries does; an empty list places no condition.
 *
 * <p>Each destination condition is about a part that only some destinations have: an
 * address ({@code cidrs}) only IP destinations, a name ({@code domains}) only domain
 * destinations, a port ({@code ports}) IP and domain destinations. A destination without the
 * part never meets the condition, so a Unix destination meets only a match without
 * destination conditions.
 *
 * @param cidrs     prefixes the destination address must be in
 * @param ports     ranges the destination port must be in
 * @param domains   suffixes the destination name must end with
 * @param listeners names of the listeners the connection may come from
 * @param clients   prefixes the client's address must be in
 */
public record Match(List<Cidr> cidrs, List<PortRange> ports, List<DomainSuffix> domains, List<String> listeners,
        List<Cidr> clients) {

    /** The match with no condition. */
    public static final Match ANY = new Match(List.of(), List.of());

    public Match {
        cidrs = List.copyOf(cidrs);
        ports = List.copyOf(ports);
        domains = List.copyOf(domains);
        listeners = List.copyOf(listeners);
        clients = List.copyOf(clients);
    }

    /** A match on the destination's address and port only. */
    public Match(List<Cidr> cidrs, List<PortRange> ports) {
        this(cidrs, ports, List.of(), List.of(), List.of());
    }

    /** Whether this match places no condition. */
    public boolean isAny() {
        return equals(ANY);
    }

    /** Whether the connection described by {@code query} meets the condition. */
    public boolean matches(RouteQuery query) {
        return (listeners.isEmpty() || listeners.contains(query.listener()))
                && clientMatches(query.client())
                && destinationMatches(query.destination());
    }

    private boolean destinationMatches(Destination destination) {
        return switch (destination) {
            case IpDestination ip -> domains.isEmpty() && inAny(cidrs, ip.address()) && portMatches(ip.port());
            case DomainDestination domain -> cidrs.isEmpty() && domainMatches(domain.name())
                    && portMatches(domain.port());
            case UnixDestination _ -> cidrs.isEmpty() && ports.isEmpty() && domains.isEmpty();
        };
    }

    private boolean clientMatches(InetSocketAddress client) {
        return clients.isEmpty() || client.getAddress() != null && inAny(clients, client.getAddress());
    }

    private static boolean inAny(List<Cidr> prefixes, InetAddress address) {
        return prefixes.isEmpty() || prefixes.stream().anyMatch(cidr -> cidr.contains(address));
    }

    private boolean domainMatches(String name) {
        return domains.isEmpty() || domains.stream().anyMatch(suffix -> suffix.matches(name));
    }

    private boolean portMatches(int port) {
        return ports.isEmpty() || ports.stream().anyMatch(range -> range.contains(port));
    }
}
