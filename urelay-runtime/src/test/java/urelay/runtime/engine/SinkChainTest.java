// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import urelay.runtime.config.SinkPlan;
import urelay.runtime.route.Match;
import urelay.runtime.route.Route;
import urelay.spi.BindOptions;
import urelay.spi.BindProfile;
import urelay.spi.ClientConnection;
import urelay.spi.Destination;
import urelay.spi.IpDestination;
import urelay.spi.Outcome;
import urelay.spi.Sink;
import urelay.spi.SinkResult;

class SinkChainTest {

    private static final Destination DESTINATION = new IpDestination(InetAddress.ofLiteral("198.51.100.7"), 443);

    private final List<String> asked = new ArrayList<>();
    private final List<String> told = new ArrayList<>();

    private SinkPlan failing(String name, Outcome outcome) {
        return new SinkPlan(name, "test", (destination, client) -> {
            asked.add(name);
            return new SinkResult.Failed(outcome, name + " failed");
        });
    }

    private SinkPlan connecting(String name) {
        return new SinkPlan(name, "test", (destination, client) -> {
            asked.add(name);
            return new SinkResult.Connected(new FakeStreams.Empty(), name);
        });
    }

    private SinkChain.Attempt connect(SinkPlan... sinks) {
        return SinkChain.connect(new Route(0, Match.ANY, List.of(sinks)), DESTINATION, new FakeStreams.Client(443),
                "test1", sink -> told.add(sink.name()));
    }

    @ParameterizedTest
    @EnumSource(names = {"REFUSED", "TIMEOUT", "UNREACHABLE", "ERROR"})
    void triesTheNextSinkWhenTheOneBeforeCouldNotConnect(Outcome outcome) {
        SinkChain.Attempt attempt = connect(failing("first", outcome), connecting("second"));

        assertEquals("second", attempt.sink().name());
        assertInstanceOf(SinkResult.Connected.class, attempt.result());
        assertEquals(List.of("first", "second"), asked);
    }

    @Test
    void rejectedEndsTheChainSoARejectSinkIsNeverBypassed() {
        SinkChain.Attempt attempt = connect(failing("refuse", Outcome.REJECTED), connecting("out"));

        assertEquals("refuse", attempt.sink().name());
        assertEquals(new SinkResult.Failed(Outcome.REJECTED, "refuse failed"), attempt.result());
        assertEquals(List.of("refuse"), asked);
    }

    @ParameterizedTest
    @EnumSource(names = {"REJECTED", "RESET", "NO_ROUTE", "UNRESOLVED"})
    void onlyFailuresToConnectLetTheNextSinkTry(Outcome outcome) {
        assertFalse(SinkChain.triesNext(outcome));
    }

    @Test
    void whenEverySinkFailsTheLastOneIsReported() {
        SinkChain.Attempt attempt = connect(failing("a", Outcome.REFUSED), failing("b", Outcome.TIMEOUT),
                failing("c", Outcome.UNREACHABLE));

        assertEquals("c", attempt.sink().name());
        assertEquals(new SinkResult.Failed(Outcome.UNREACHABLE, "c failed"), attempt.result());
        assertEquals(List.of("a", "b", "c"), told);
    }

    @Test
    void laterSinksAreNotAskedOnceOneServes() {
        SinkChain.Attempt attempt = connect(connecting("a"), connecting("b"));

        assertEquals("a", attempt.sink().name());
        assertEquals(List.of("a"), asked);
        assertEquals(asked, told);
    }

    /** Takes a route's bind and remembers what each call was given. */
    private static final class BindingSink implements Sink {
        final List<Optional<BindOptions>> calls = new ArrayList<>();

        @Override
        public SinkResult connect(Destination destination, ClientConnection client) {
            calls.add(Optional.empty());
            return new SinkResult.Connected(new FakeStreams.Empty(), "plain");
        }

        @Override
        public SinkResult connect(Destination destination, ClientConnection client, BindOptions routeBind) {
            calls.add(Optional.of(routeBind));
            return new SinkResult.Connected(new FakeStreams.Empty(), "bound");
        }

        @Override
        public boolean acceptsBind() {
            return true;
        }
    }

    @Test
    void routeWithABindHandsTheSinkItsOptionsForThisClient() {
        BindingSink sink = new BindingSink();
        Route route = new Route(0, Match.ANY, List.of(new SinkPlan("out", "test", sink)), List.of(),
                Optional.of(new BindProfile(null, "eth1", 7L, null, "client")), List.of());

        SinkChain.connect(route, DESTINATION, new FakeStreams.Client(443), "test1", plan -> { });

        assertEquals(List.of(Optional.of(new BindOptions(Optional.of(new FakeStreams.Client(443).remoteAddress()),
                Optional.of("eth1"), OptionalInt.of(7), false, true))), sink.calls);
    }

    @Test
    void routeWithoutABindCallsThePlainConnect() {
        BindingSink sink = new BindingSink();

        SinkChain.connect(new Route(0, Match.ANY, List.of(new SinkPlan("out", "test", sink))), DESTINATION,
                new FakeStreams.Client(443), "test1", plan -> { });

        assertEquals(List.of(Optional.empty()), sink.calls);
    }

    @Test
    void routeRefusesABindWhenASinkCannotTakeIt() {
        var error = assertThrows(IllegalArgumentException.class, () -> new Route(0, Match.ANY,
                List.of(connecting("plain")), List.of(), Optional.of(new BindProfile(null, "eth1", null, null, null)),
                List.of()));

        assertEquals("sink plain does not take a route's bind", error.getMessage());
    }
}
