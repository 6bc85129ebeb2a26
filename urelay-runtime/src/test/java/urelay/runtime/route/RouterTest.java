// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.route;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import urelay.runtime.config.SinkPlan;
import urelay.spi.DomainDestination;
import urelay.spi.IpDestination;
import urelay.spi.Outcome;
import urelay.spi.SinkResult;
import urelay.spi.UnixDestination;

class RouterTest {

    private static final SinkPlan OUT = sink("out");
    private static final SinkPlan LAB = sink("lab");

    private static SinkPlan sink(String name) {
        return new SinkPlan(name, "reject", (destination, client) -> new SinkResult.Failed(Outcome.REJECTED, name));
    }

    private static IpDestination ip(String address, int port) {
        return new IpDestination(InetAddress.ofLiteral(address), port);
    }

    private static Match match(List<String> cidrs, List<String> ports) {
        return new Match(cidrs.stream().map(Cidr::parse).toList(), ports.stream().map(PortRange::parse).toList());
    }

    private final Router router = new Router(List.of(
            new Route(0, match(List.of("203.0.113.0/24"), List.of("8000-8999")), List.of(LAB)),
            new Route(1, match(List.of("2001:db8::/32"), List.of()), List.of(LAB, OUT)),
            new Route(2, Match.ANY, List.of(OUT))));

    @Test
    void firstMatchingRouteWins() {
        assertEquals(0, router.route(ip("203.0.113.9", 8080)).orElseThrow().index());
    }

    @Test
    void bothAddressAndPortMustMatch() {
        assertEquals(2, router.route(ip("203.0.113.9", 80)).orElseThrow().index());
        assertEquals(2, router.route(ip("198.51.100.1", 8080)).orElseThrow().index());
    }

    @Test
    void routeWithoutMatchTakesEverythingLeft() {
        assertEquals(List.of(OUT), router.route(ip("198.51.100.7", 443)).orElseThrow().sinks());
    }

    @Test
    void routeKeepsItsSinksInOrder() {
        assertEquals(List.of(LAB, OUT), router.route(ip("2001:db8::5", 443)).orElseThrow().sinks());
    }

    @Test
    void ipv4DestinationSkipsAnIpv6Prefix() {
        Router v6Only = new Router(List.of(new Route(0, match(List.of("::/0"), List.of()), List.of(OUT))));

        assertEquals(Optional.empty(), v6Only.route(ip("192.0.2.1", 80)));
    }

    @Test
    void domainAndUnixDestinationsNeverMeetAnAddressOrPortCondition() {
        Router conditional = new Router(List.of(
                new Route(0, match(List.of("0.0.0.0/0"), List.of()), List.of(LAB)),
                new Route(1, match(List.of(), List.of("1-65535")), List.of(LAB))));

        assertEquals(Optional.empty(), conditional.route(new DomainDestination("example.org", 443)));
        assertEquals(Optional.empty(), conditional.route(new UnixDestination(Path.of("/run/a.sock"))));
    }

    @Test
    void domainDestinationTakesAConditionFreeRoute() {
        assertEquals(2, router.route(new DomainDestination("example.org", 8080)).orElseThrow().index());
    }

    @Test
    void noRoutesMeansNoRoute() {
        assertEquals(Optional.empty(), new Router(List.of()).route(ip("192.0.2.1", 80)));
    }
}
