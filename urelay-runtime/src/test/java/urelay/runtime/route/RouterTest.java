// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.route;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import urelay.runtime.config.SinkPlan;
import urelay.spi.Destination;
import urelay.spi.DomainDestination;
import urelay.spi.IpDestination;
import urelay.spi.Outcome;
import urelay.spi.SinkResult;
import urelay.spi.UnixDestination;

class RouterTest {

    private static final SinkPlan OUT = sink("out");
    private static final SinkPlan LAB = sink("lab");
    private static final InetSocketAddress CLIENT = new InetSocketAddress(InetAddress.ofLiteral("192.0.2.10"), 51514);

    private static SinkPlan sink(String name) {
        return new SinkPlan(name, "reject", (destination, client) -> new SinkResult.Failed(Outcome.REJECTED, name));
    }

    private static IpDestination ip(String address, int port) {
        return new IpDestination(InetAddress.ofLiteral(address), port);
    }

    private static Match match(List<String> cidrs, List<String> ports) {
        return new Match(cidrs.stream().map(Cidr::parse).toList(), ports.stream().map(PortRange::parse).toList());
    }

    private static Match domains(List<String> suffixes, List<String> ports) {
        return new Match(List.of(), ports.stream().map(PortRange::parse).toList(),
                suffixes.stream().map(DomainSuffix::parse).toList(), List.of(), List.of());
    }

    private static Optional<Integer> index(Router router, Destination destination) {
        return index(router, "private", CLIENT, destination);
    }

    private static Optional<Integer> index(Router router, String listener, InetSocketAddress client,
            Destination destination) {
        return router.route(new RouteQuery(listener, client, destination)).map(Route::index);
    }

    private static InetSocketAddress client(String address) {
        return new InetSocketAddress(InetAddress.ofLiteral(address), 40000);
    }

    private static Router router(Match... matches) {
        List<Route> routes = new ArrayList<>();
        for (Match match : matches) {
            routes.add(new Route(routes.size(), match, List.of(OUT)));
        }
        return new Router(routes);
    }

    private final Router router = new Router(List.of(
            new Route(0, match(List.of("203.0.113.0/24"), List.of("8000-8999")), List.of(LAB)),
            new Route(1, match(List.of("2001:db8::/32"), List.of()), List.of(LAB, OUT)),
            new Route(2, Match.ANY, List.of(OUT))));

    @Test
    void firstMatchingRouteWins() {
        assertEquals(Optional.of(0), index(router, ip("203.0.113.9", 8080)));
    }

    @Test
    void bothAddressAndPortMustMatch() {
        assertEquals(Optional.of(2), index(router, ip("203.0.113.9", 80)));
        assertEquals(Optional.of(2), index(router, ip("198.51.100.1", 8080)));
    }

    @Test
    void routeWithoutMatchTakesEverythingLeft() {
        assertEquals(List.of(OUT), router.route(new RouteQuery("private", CLIENT, ip("198.51.100.7", 443)))
                .orElseThrow().sinks());
    }

    @Test
    void routeKeepsItsSinksInOrder() {
        assertEquals(List.of(LAB, OUT), router.route(new RouteQuery("private", CLIENT, ip("2001:db8::5", 443)))
                .orElseThrow().sinks());
    }

    @Test
    void ipv4DestinationSkipsAnIpv6Prefix() {
        assertEquals(Optional.empty(), index(router(match(List.of("::/0"), List.of())), ip("192.0.2.1", 80)));
    }

    @Test
    void domainAndUnixDestinationsNeverMeetAnAddressCondition() {
        Router conditional = router(match(List.of("0.0.0.0/0", "::/0"), List.of()));

        assertEquals(Optional.empty(), index(conditional, new DomainDestination("example.org", 443)));
        assertEquals(Optional.empty(), index(conditional, new UnixDestination(Path.of("/run/a.sock"))));
    }

    @Test
    void domainDestinationMeetsAPortConditionByItsPortAndUnixDestinationNever() {
        Router conditional = router(match(List.of(), List.of("443")));

        assertEquals(Optional.of(0), index(conditional, new DomainDestination("example.org", 443)));
        assertEquals(Optional.empty(), index(conditional, new DomainDestination("example.org", 80)));
        assertEquals(Optional.empty(), index(conditional, new UnixDestination(Path.of("/run/a.sock"))));
    }

    @Test
    void domainDestinationTakesAConditionFreeRoute() {
        assertEquals(Optional.of(2), index(router, new DomainDestination("example.org", 8080)));
    }

    @Test
    void domainConditionTakesTheNameAndEveryNameBelowIt() {
        Router byName = router(domains(List.of("example.org"), List.of()));

        assertEquals(Optional.of(0), index(byName, new DomainDestination("example.org", 443)));
        assertEquals(Optional.of(0), index(byName, new DomainDestination("www.EXAMPLE.org", 443)));
        assertEquals(Optional.empty(), index(byName, new DomainDestination("badexample.org", 443)));
        assertEquals(Optional.empty(), index(byName, new DomainDestination("example.org.evil", 443)));
    }

    @Test
    void domainConditionNeverMatchesIpOrUnixDestinations() {
        Router byName = router(domains(List.of("example.org"), List.of()));

        assertEquals(Optional.empty(), index(byName, ip("192.0.2.1", 443)));
        assertEquals(Optional.empty(), index(byName, new UnixDestination(Path.of("/run/example.org"))));
    }

    @Test
    void domainAndPortMustBothHold() {
        Router byNameAndPort = router(domains(List.of(".example.org"), List.of("443")));

        assertEquals(Optional.of(0), index(byNameAndPort, new DomainDestination("a.example.org", 443)));
        assertEquals(Optional.empty(), index(byNameAndPort, new DomainDestination("a.example.org", 80)));
    }

    @Test
    void listenerConditionTakesOnlyConnectionsOfTheNamedListeners() {
        Router byListener = router(new Match(List.of(), List.of(), List.of(), List.of("lab", "office"), List.of()));

        assertEquals(Optional.of(0), index(byListener, "office", CLIENT, ip("192.0.2.1", 80)));
        assertEquals(Optional.empty(), index(byListener, "private", CLIENT, ip("192.0.2.1", 80)));
    }

    @Test
    void clientConditionTestsTheClientsAddressNotTheDestination() {
        Router byClient = router(new Match(List.of(), List.of(), List.of(), List.of(),
                List.of(Cidr.parse("192.0.2.0/24"), Cidr.parse("2001:db8:1::/48"))));

        assertEquals(Optional.of(0), index(byClient, "private", client("192.0.2.200"), ip("198.51.100.1", 80)));
        assertEquals(Optional.of(0), index(byClient, "private", client("2001:db8:1::7"), ip("198.51.100.1", 80)));
        assertEquals(Optional.empty(), index(byClient, "private", client("198.51.100.1"), ip("192.0.2.1", 80)));
    }

    @Test
    void clientConditionHoldsForEveryKindOfDestination() {
        Router byClient = router(new Match(List.of(), List.of(), List.of(), List.of(),
                List.of(Cidr.parse("192.0.2.0/24"))));

        assertEquals(Optional.of(0), index(byClient, new DomainDestination("example.org", 443)));
        assertEquals(Optional.of(0), index(byClient, new UnixDestination(Path.of("/run/a.sock"))));
    }

    @Test
    void everyGivenConditionMustHold() {
        Router all = router(new Match(List.of(Cidr.parse("198.51.100.0/24")), List.of(PortRange.of(443)), List.of(),
                List.of("private"), List.of(Cidr.parse("192.0.2.0/24"))));

        assertEquals(Optional.of(0), index(all, ip("198.51.100.1", 443)));
        assertEquals(Optional.empty(), index(all, "other", CLIENT, ip("198.51.100.1", 443)));
        assertEquals(Optional.empty(), index(all, "private", client("203.0.113.1"), ip("198.51.100.1", 443)));
        assertEquals(Optional.empty(), index(all, ip("198.51.100.1", 80)));
    }

    @Test
    void noRoutesMeansNoRoute() {
        assertEquals(Optional.empty(), index(new Router(List.of()), ip("192.0.2.1", 80)));
    }
}
