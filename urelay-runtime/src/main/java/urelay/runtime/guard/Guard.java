// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.guard;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import urelay.runtime.route.Cidr;
import urelay.spi.Destination;
import urelay.spi.DomainDestination;
import urelay.spi.IpDestination;
import urelay.spi.UnixDestination;

/**
 * Judges the final destination of each connection, after rewriting, before a sink connects.
 * Refuses special-purpose ranges (loopback, unspecified, link-local, multicast, broadcast) and
 * every address of urelay's own namespace, unless the route's {@code allow} list opens them;
 * always refuses urelay's own listening sockets, since relaying a connection to urelay itself
 * only loops. Judges destinations that come from clients, never addresses written in the
 * config (a SOCKS server on 127.0.0.1 is fine). Thread-safe.
 */
public final class Guard {

    private final Supplier<Set<InetAddress>> ownAddresses;
    private final Set<InetSocketAddress> listening;

    /**
     * @param ownAddresses the addresses of urelay's namespace, asked for on each judgement
     *                     (the supplier should cache)
     * @param listening    the sockets urelay listens on in its own namespace; a wildcard
     *                     address stands for every own address
     */
    public Guard(Supplier<Set<InetAddress>> ownAddresses, Set<InetSocketAddress> listening) {
        this.ownAddresses = ownAddresses;
        this.listening = Set.copyOf(listening);
    }

    /** Judges a destination for a route whose {@code allow} list is {@code allow}. */
    public Verdict judge(Destination destination, List<Cidr> allow) {
        return switch (destination) {
            case IpDestination ip -> judge(ip, allow);
            // TODO: a domain destination is not judged; the sink resolves the name itself, so a
            // name that resolves to a loopback or own address gets through. Only resolvers that
            // name domains (none ship yet) can produce one; judging needs the resolved address
            // handed back from the sink before it connects.
            case DomainDestination domain -> new Verdict.Pass();
            case UnixDestination unix -> new Verdict.Pass();
        };
    }

    private Verdict judge(IpDestination destination, List<Cidr> allow) {
        InetAddress address = destination.address();
        if (isListening(address, destination.port())) {
            return new Verdict.Forbidden("loop");
        }
        Optional<String> reason = SpecialRanges.classify(address);
        if (reason.isEmpty() && ownAddresses.get().contains(address)) {
            reason = Optional.of("own-address");
        }
        if (reason.isEmpty()) {
            return new Verdict.Pass();
        }
        for (Cidr range : allow) {
            if (range.contains(address)) {
                return new Verdict.Opened(reason.get(), range.toString());
            }
        }
        return new Verdict.Forbidden(reason.get());
    }

    private boolean isListening(InetAddress address, int port) {
        for (InetSocketAddress socket : listening) {
            if (socket.getPort() != port) {
                continue;
            }
            InetAddress bound = socket.getAddress();
            if (bound.equals(address)) {
                return true;
            }
            if (bound.isAnyLocalAddress() && reachesThisHost(address)) {
                return true;
            }
            // Connecting to 0.0.0.0 or :: reaches the loopback address.
            if (bound.isLoopbackAddress() && SpecialRanges.classify(address).equals(Optional.of("unspecified"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a connection to {@code address} from this namespace ends on this host. */
    private boolean reachesThisHost(InetAddress address) {
        Optional<String> special = SpecialRanges.classify(address);
        return ownAddresses.get().contains(address)
                || special.equals(Optional.of("loopback"))
                || special.equals(Optional.of("unspecified"));
    }
}
