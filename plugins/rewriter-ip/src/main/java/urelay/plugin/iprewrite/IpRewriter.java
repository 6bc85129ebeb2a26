// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.iprewrite;

import java.util.Objects;
import urelay.spi.ClientConnection;
import urelay.spi.Destination;
import urelay.spi.DomainDestination;
import urelay.spi.IpDestination;
import urelay.spi.Rewriter;
import urelay.spi.UnixDestination;

/**
 * One {@code ip-rewrite} entry: applies its mapping to the IP destinations its match admits.
 * Runs on each connection's own thread; immutable, so one instance serves all connections.
 *
 * <p>Domain and Unix destinations pass unchanged: the rewrites are defined on addresses and
 * ports, and turning a name into an address would mean a DNS lookup, which a rewriter must
 * not make (it may not block).
 *
 * @param match   which IP destinations the entry applies to
 * @param mapping what it does to them
 */
record IpRewriter(DestinationMatch match, Mapping mapping) implements Rewriter {

    IpRewriter {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(mapping, "mapping");
    }

    @Override
    public Destination rewrite(Destination destination, ClientConnection client) {
        return switch (destination) {
            case IpDestination ip -> match.test(ip) ? mapping.apply(ip) : ip;
            case DomainDestination domain -> domain;
            case UnixDestination unix -> unix;
        };
    }
}
