// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import urelay.runtime.audit.AuditFormat;
import urelay.runtime.audit.AuditLog;
import urelay.runtime.config.ListenerPlan;
import urelay.runtime.config.SinkPlan;
import urelay.runtime.guard.Guard;
import urelay.runtime.relay.Relay;
import urelay.runtime.route.Cidr;
import urelay.runtime.route.Match;
import urelay.runtime.route.PortRange;
import urelay.runtime.route.Route;
import urelay.runtime.route.Router;
import urelay.spi.ClientConnection;
import urelay.spi.Destination;
import urelay.spi.IpDestination;
import urelay.spi.Outcome;
import urelay.spi.Rewriter;
import urelay.spi.Sink;
import urelay.spi.SinkResult;
import urelay.spi.Source;

/** One connection through the pipeline with plugins made here, read back from its audit line. */
class ConnectionHandlerTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Relay relay = new Relay();

    @AfterEach
    void closeRelay() {
        relay.close();
    }

    /** A sink that connects to a stream that ends at once, and remembers where it was asked to go. */
    static final class RecordingSink implements Sink {
        final List<Destination> destinations = new CopyOnWriteArrayList<>();

        @Override
        public SinkResult connect(Destination destination, ClientConnection client) {
            destinations.add(destination);
            return new SinkResult.Connected(new FakeStreams.Empty(), destination.text());
        }
    }

    private static Rewriter port(int from, int to) {
        return (destination, client) -> destination instanceof IpDestination ip && ip.port() == from
                ? new IpDestination(ip.address(), to)
                : destination;
    }

    private static Match port(int port) {
        return new Match(List.of(), List.of(PortRange.of(port)));
    }

    private Map<String, String> handle(List<Rewriter> rewriters, List<Route> routes, int port) {
        return handle(rewriters, routes, new FakeStreams.Client(port));
    }

    private Map<String, String> handle(List<Rewriter> rewriters, List<Route> routes, ClientConnection client) {
        Source nothing = List::of;
        ListenerPlan listener = new ListenerPlan("private", "test", nothing,
                List.of(accepted -> Optional.of(IpDestination.of(accepted.localAddress()))), rewriters,
                new Router(routes), Duration.ZERO);
        Guard guard = new Guard(() -> Set.of(InetAddress.ofLiteral("203.0.113.1")), Set.of());
        AuditLog audit = new AuditLog(AuditFormat.JSON, new PrintStream(out, true, StandardCharsets.UTF_8));
        new ConnectionHandler(listener, new Planner(listener, guard), relay, audit, new ConnectionIds(),
                new OpenConnections()).handle(client);
        return fields(out.toString(StandardCharsets.UTF_8).strip());
    }

    private static Map<String, String> fields(String line) {
        try {
            Map<String, String> fields = new HashMap<>();
            new ObjectMapper().readTree(line).properties().forEach(field -> fields.put(field.getKey(),
                    field.getValue().asText()));
            return fields;
        } catch (JsonProcessingException e) {
            throw new AssertionError("not one JSON audit line: " + line, e);
        }
    }

    @Test
    void routeIsChosenOnTheListenersRewriteAndItsOwnRewritersRunAfter() {
        RecordingSink sink = new RecordingSink();
        SinkPlan out = new SinkPlan("out", "test", sink);
        List<Route> routes = List.of(
                new Route(0, port(80), List.of(out)),
                new Route(1, port(8080), List.of(out), List.of(port(8080, 9090), port(9090, 9191)),
                        Optional.empty(), List.of()),
                new Route(2, port(9090), List.of(out)));

        Map<String, String> audit = handle(List.of(port(80, 8080)), routes, 80);

        assertEquals(List.of(new IpDestination(InetAddress.ofLiteral("198.51.100.7"), 9191)),
                sink.destinations);
        assertEquals("198.51.100.7:80", audit.get("dst"));
        assertEquals("198.51.100.7:9191", audit.get("final"));
        assertEquals("ok", audit.get("outcome"));
    }

    @Test
    void guardRefusesALoopbackDestinationARouteRewroteTo() {
        RecordingSink sink = new RecordingSink();
        Rewriter toLoopback = (destination, client) -> new IpDestination(InetAddress.ofLiteral("127.0.0.1"), 22);
        Route route = new Route(0, Match.ANY, List.of(new SinkPlan("out", "test", sink)), List.of(toLoopback),
                Optional.empty(), List.of());

        Map<String, String> audit = handle(List.of(), List.of(route), 80);

        assertEquals("forbidden", audit.get("outcome"));
        assertEquals("forbidden:loopback", audit.get("guard"));
        assertEquals("127.0.0.1:22", audit.get("final"));
        assertEquals(List.of(), sink.destinations);
    }

    @Test
    void guardLetsARoutesAllowListOpenARangeAndTheAuditSaysSo() {
        RecordingSink sink = new RecordingSink();
        Rewriter toOwn = (destination, client) -> new IpDestination(InetAddress.ofLiteral("203.0.113.1"), 22);
        Route route = new Route(0, Match.ANY, List.of(new SinkPlan("out", "test", sink)), List.of(toOwn),
                Optional.empty(), List.of(Cidr.parse("203.0.113.0/24")));

        Map<String, String> audit = handle(List.of(), List.of(route), 80);

        assertEquals("ok", audit.get("outcome"));
        assertEquals("allowed:203.0.113.0/24(own-address)", audit.get("guard"));
        assertEquals(1, sink.destinations.size());
    }

    @Test
    void routeRewritersDoNotRunWhenNoRouteMatches() {
        Map<String, String> audit = handle(List.of(port(80, 8080)), List.of(
                new Route(0, port(443), List.of(new SinkPlan("out", "test", new RecordingSink())))), 80);

        assertEquals("no_route", audit.get("outcome"));
        assertEquals("198.51.100.7:8080", audit.get("final"));
        assertEquals("-", audit.get("sink"));
    }

    @Test
    void auditNamesTheSinkThatServedAfterAnotherCouldNotConnect() {
        SinkPlan down = new SinkPlan("down", "test",
                (destination, client) -> new SinkResult.Failed(Outcome.REFUSED, "ECONNREFUSED"));
        SinkPlan out = new SinkPlan("out", "test", new RecordingSink());

        Map<String, String> audit = handle(List.of(), List.of(new Route(0, Match.ANY, List.of(down, out))), 80);

        assertEquals("out", audit.get("sink"));
        assertEquals("ok", audit.get("outcome"));
    }

    @Test
    void auditNamesTheRejectingSinkAndTheSinksAfterItAreNotAsked() {
        RecordingSink after = new RecordingSink();
        SinkPlan refuse = new SinkPlan("refuse", "test",
                (destination, client) -> new SinkResult.Failed(Outcome.REJECTED, "rejected by config"));
        FakeStreams.Client client = new FakeStreams.Client(80);

        Map<String, String> audit = handle(List.of(), List.of(new Route(0, Match.ANY,
                List.of(refuse, new SinkPlan("out", "test", after)))), client);

        assertEquals("refuse", audit.get("sink"));
        assertEquals("rejected", audit.get("outcome"));
        assertEquals(List.of(), after.destinations);
        assertTrue(client.reset);
    }

    @Test
    void auditNamesTheLastSinkWhenNoneCouldConnect() {
        SinkPlan a = new SinkPlan("a", "test", (destination, client) -> new SinkResult.Failed(Outcome.TIMEOUT, "a"));
        SinkPlan b = new SinkPlan("b", "test", (destination, client) -> new SinkResult.Failed(Outcome.ERROR, "b"));

        Map<String, String> audit = handle(List.of(), List.of(new Route(0, Match.ANY, List.of(a, b))), 80);

        assertEquals("b", audit.get("sink"));
        assertEquals("error", audit.get("outcome"));
        assertEquals("b", audit.get("detail"));
    }
}
