// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.iprewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import urelay.spi.ClientConnection;
import urelay.spi.Destination;
import urelay.spi.DomainDestination;
import urelay.spi.IpDestination;
import urelay.spi.UnixDestination;

class IpRewriterTest {

    /** A client that only has addresses; a rewriter never reads or writes it. */
    private record Client() implements ClientConnection {

        @Override
        public InetSocketAddress remoteAddress() {
            return new InetSocketAddress(InetAddress.ofLiteral("192.0.2.10"), 40000);
        }

        @Override
        public InetSocketAddress localAddress() {
            return new InetSocketAddress(InetAddress.ofLiteral("192.0.2.1"), 80);
        }

        @Override
        public int read(ByteBuffer buffer) {
            throw new AssertionError("a rewriter read from the client");
        }

        @Override
        public void write(ByteBuffer buffer) {
            throw new AssertionError("a rewriter wrote to the client");
        }

        @Override
        public void shutdownOutput() {
            throw new AssertionError("a rewriter shut the client down");
        }

        @Override
        public void reset() {
            throw new AssertionError("a rewriter reset the client");
        }

        @Override
        public void close() {
            throw new AssertionError("a rewriter closed the client");
        }
    }

    private static final IpRewriteConfig NAT64 = new IpRewriteConfig("nat64", null, null, null, null);
    private static final IpRewriteConfig NAT46 = new IpRewriteConfig("nat46", null, null, null, null);
    private static final IpRewriteConfig PREFIX_MAP =
            new IpRewriteConfig("prefix-map", null, "2001:db8:1::/64", "fd00:5::/64", null);
    private static final IpRewriteConfig PORT_MAP =
            new IpRewriteConfig("port-map", null, "8000-8099", "9000-9099", null);

    private static Destination rewrite(IpRewriteConfig config, Destination destination) {
        return new IpRewriterProvider().create(config, null).rewrite(destination, new Client());
    }

    private static IpDestination destination(String literal, int port) {
        return new IpDestination(InetAddress.ofLiteral(literal), port);
    }

    @Test
    void nat64RewritesIpv4DestinationsUnderThePrefix() {
        assertEquals(destination("64:ff9b::198.51.100.7", 443), rewrite(NAT64, destination("198.51.100.7", 443)));
    }

    @Test
    void nat46RewritesEmbeddedDestinationsBackToIpv4() {
        assertEquals(destination("198.51.100.7", 443), rewrite(NAT46, destination("64:ff9b::c633:6407", 443)));
    }

    @Test
    void prefixMapMovesTheNetworkAndKeepsTheHost() {
        assertEquals(destination("fd00:5::42", 22), rewrite(PREFIX_MAP, destination("2001:db8:1::42", 22)));
    }

    @Test
    void portMapMovesThePortAndKeepsTheAddress() {
        assertEquals(destination("192.0.2.5", 9042), rewrite(PORT_MAP, destination("192.0.2.5", 8042)));
    }

    @Test
    void rewritesOnlyDestinationsTheMatchAdmits() {
        IpRewriteConfig config = new IpRewriteConfig("nat64", null, null, null,
                new MatchConfig(List.of("192.0.2.0/24"), List.of("443")));

        assertEquals(destination("64:ff9b::c000:201", 443), rewrite(config, destination("192.0.2.1", 443)));
        IpDestination otherPort = destination("192.0.2.1", 80);
        assertSame(otherPort, rewrite(config, otherPort));
        IpDestination otherNetwork = destination("198.51.100.1", 443);
        assertSame(otherNetwork, rewrite(config, otherNetwork));
    }

    @Test
    void passesDomainAndUnixDestinationsThroughEveryMode() {
        DomainDestination domain = new DomainDestination("example.org", 8042);
        UnixDestination unix = new UnixDestination(Path.of("/run/app.sock"));
        for (IpRewriteConfig config : List.of(NAT64, NAT46, PREFIX_MAP, PORT_MAP)) {
            assertSame(domain, rewrite(config, domain), config.mode());
            assertSame(unix, rewrite(config, unix), config.mode());
        }
    }

    /** The chaining example of docs/rewriters.md: a later entry's match sees the earlier entry's result. */
    @Test
    void chainedEntriesSeeTheResultOfTheEntryBefore() {
        IpRewriteConfig toHttpAlt = new IpRewriteConfig("port-map", null, "80", "8080", null);
        IpRewriteConfig nat64OnHttpAlt = new IpRewriteConfig("nat64", null, null, null,
                new MatchConfig(null, List.of("8080")));
        IpDestination original = destination("192.0.2.33", 80);

        assertEquals(destination("64:ff9b::c000:221", 8080), rewrite(nat64OnHttpAlt, rewrite(toHttpAlt, original)));
        assertEquals(destination("192.0.2.33", 8080), rewrite(toHttpAlt, rewrite(nat64OnHttpAlt, original)));
    }
}
