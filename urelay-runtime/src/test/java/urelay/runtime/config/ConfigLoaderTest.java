// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import urelay.plugin.testkit.DirectConfig;
import urelay.plugin.testkit.DirectSinkProvider;
import urelay.plugin.testkit.TransparentConfig;
import urelay.plugin.testkit.TransparentSourceProvider;
import urelay.runtime.audit.AuditFormat;
import urelay.runtime.route.Cidr;
import urelay.runtime.route.DomainSuffix;
import urelay.runtime.route.Match;
import urelay.runtime.route.PortRange;
import urelay.runtime.route.RouteQuery;
import urelay.spi.BindProfile;
import urelay.spi.IpDestination;

/** A valid config becomes plans holding the plugin instances, with every default filled in. */
class ConfigLoaderTest {

    private static final InetSocketAddress CLIENT = new InetSocketAddress(InetAddress.ofLiteral("192.0.2.10"), 5000);

    @TempDir
    Path directory;

    private final ConfigFiles files = new ConfigFiles(() -> directory);

    @Test
    void demoConfigBecomesOneListenerAndOneSink() {
        RelayConfig config = files.valid(ConfigLoaderProblemsTest.DEMO);

        assertEquals(directory.resolve("demo.yaml"), config.file());
        assertEquals(AuditFormat.JSON, config.auditFormat());
        assertEquals(Level.INFO, config.logLevel());
        assertEquals(List.of("out"), List.copyOf(config.sinks().keySet()));
        assertEquals(1, config.listeners().size());
    }

    @Test
    void sourceSettingsAreBoundToThePluginsRecord() {
        ListenerPlan listener = files.valid(ConfigLoaderProblemsTest.DEMO).listeners().getFirst();

        var source = assertInstanceOf(TransparentSourceProvider.TestSource.class, listener.source());
        assertEquals(new TransparentConfig(Path.of("/run/netns/urelay-demo"), InetAddress.ofLiteral("::"),
                List.of(80, 443, 8080)), source.config());
        assertEquals("private", source.context().name());
        assertSame(ConfigFiles.NO_NETWORK, source.context().network());
        assertEquals("transparent", listener.sourceType());
    }

    @Test
    void sinkSettingsUseKebabCaseKeysAndDurations() {
        SinkPlan out = files.valid(ConfigLoaderProblemsTest.DEMO).sinks().get("out");

        assertEquals("direct", out.type());
        assertEquals(new DirectSinkProvider.TestSink(new DirectConfig(Duration.ofSeconds(5))), out.sink());
    }

    @Test
    void routesKeepTheirOrderAndTheirSinks() {
        RelayConfig config = files.valid(ConfigLoaderProblemsTest.DEMO);
        var routes = config.listeners().getFirst().router().routes();

        assertEquals(new Match(List.of(Cidr.parse("203.0.113.0/24")), List.of(new PortRange(8000, 8999))),
                routes.get(0).match());
        assertEquals(Match.ANY, routes.get(1).match());
        assertEquals(List.of(config.sinks().get("out")), routes.get(1).sinks());
        assertEquals(1, config.listeners().getFirst().router().route(new RouteQuery("private", CLIENT,
                new IpDestination(InetAddress.ofLiteral("198.51.100.7"), 80))).orElseThrow().index());
    }

    @Test
    void leftOutKeysTakeTheirDefaults() {
        RelayConfig config = files.valid("""
                listeners:
                  - name: minimal
                    source: { type: transparent, ports: [443] }
                    routes: [ { sink: out } ]
                sinks:
                  out: { type: direct }
                """);
        ListenerPlan listener = config.listeners().getFirst();

        assertEquals(1, listener.resolvers().size());
        assertEquals(List.of(), listener.rewriters());
        assertEquals(Duration.ofHours(1), listener.idleTimeout());
        assertEquals(AuditFormat.PLAIN, config.auditFormat());
        assertEquals(Level.INFO, config.logLevel());
        assertEquals(new DirectConfig(Duration.ofSeconds(5)),
                ((DirectSinkProvider.TestSink) config.sinks().get("out").sink()).config());
    }

    @Test
    void zeroIdleTimeoutTurnsTheTimerOff() {
        RelayConfig config = files.valid(ConfigLoaderProblemsTest.DEMO.replace("    rewriters: []",
                "    idle-timeout: 0s"));

        assertEquals(Duration.ZERO, config.listeners().getFirst().idleTimeout());
    }

    @Test
    void idleTimeoutAcceptsEveryUnit() {
        for (var example : List.of(List.of("500ms", "PT0.5S"), List.of("5s", "PT5S"), List.of("2m", "PT2M"),
                List.of("1h", "PT1H"))) {
            RelayConfig config = files.valid(ConfigLoaderProblemsTest.DEMO.replace("    rewriters: []",
                    "    idle-timeout: " + example.get(0)));

            assertEquals(Duration.parse(example.get(1)), config.listeners().getFirst().idleTimeout());
        }
    }

    @Test
    void routeMayNameSeveralSinksInOrder() {
        RelayConfig config = files.valid(ConfigLoaderProblemsTest.DEMO
                .replace("  - sink: out", "  - sink: [spare, out]")
                .replace("sinks:\n", "sinks:\n  spare: { type: reject }\n"));

        assertEquals(List.of("spare", "out"), config.listeners().getFirst().router().routes().get(1).sinks()
                .stream().map(SinkPlan::name).toList());
    }

    @Test
    void matchAcceptsASingleValueInsteadOfAList() {
        RelayConfig config = files.valid(ConfigLoaderProblemsTest.DEMO.replace(
                "{ cidr: [\"203.0.113.0/24\"], port: [\"8000-8999\"] }", "{ cidr: 2001:db8::/32, port: 443 }"));

        assertEquals(new Match(List.of(Cidr.parse("2001:db8::/32")), List.of(PortRange.of(443))),
                config.listeners().getFirst().router().routes().getFirst().match());
    }

    @Test
    void logLevelIsRead() {
        for (var level : List.of(Level.ERROR, Level.WARNING, Level.INFO, Level.DEBUG, Level.TRACE)) {
            RelayConfig config = files.valid(ConfigLoaderProblemsTest.DEMO + "log: { level: "
                    + level.getName().toLowerCase(java.util.Locale.ROOT) + " }\n");

            assertEquals(level, config.logLevel());
        }
    }

    @Test
    void rewritersAreCreatedInOrder() {
        RelayConfig config = files.valid(ConfigLoaderProblemsTest.DEMO.replace("rewriters: []",
                "rewriters: [ { type: port-map, from: 80, to: 8080 }, { type: port-map, from: 8080, to: 80 } ]"));

        assertEquals(2, config.listeners().getFirst().rewriters().size());
    }

    @Test
    void matchReadsListenerClientAndDomainConditions() {
        RelayConfig config = files.valid(ConfigLoaderProblemsTest.DEMO.replace(
                "{ cidr: [\"203.0.113.0/24\"], port: [\"8000-8999\"] }",
                "{ listener: private, client-cidr: [192.0.2.0/24, \"2001:db8::/32\"], domain: [.Example.org, lab],"
                        + " port: 443 }"));

        assertEquals(new Match(List.of(), List.of(PortRange.of(443)),
                List.of(new DomainSuffix("example.org"), new DomainSuffix("lab")), List.of("private"),
                List.of(Cidr.parse("192.0.2.0/24"), Cidr.parse("2001:db8::/32"))),
                config.listeners().getFirst().router().routes().getFirst().match());
    }

    @Test
    void routeMayNameAListenerDefinedFurtherDown() {
        RelayConfig config = files.valid(ConfigLoaderProblemsTest.DEMO
                .replace("{ cidr: [\"203.0.113.0/24\"], port: [\"8000-8999\"] }", "{ listener: [private, lab] }")
                .replace("sinks:\n", """
                          - name: lab
                            source: { type: transparent, ports: [81] }
                            routes: [ { sink: out } ]
                        sinks:
                        """));

        assertEquals(List.of("private", "lab"),
                config.listeners().getFirst().router().routes().getFirst().match().listeners());
    }

    @Test
    void routeRewritersAreCreatedInOrderBesideTheListeners() {
        RelayConfig config = files.valid(ConfigLoaderProblemsTest.DEMO.replace("  - sink: out",
                "  - sink: out\n        rewriters: [ { type: port-map, from: 80, to: 81 }, { type: port-map, from: 81,"
                        + " to: 82 } ]"));
        var routes = config.listeners().getFirst().router().routes();

        assertEquals(List.of(), config.listeners().getFirst().rewriters());
        assertEquals(List.of(), routes.get(0).rewriters());
        assertEquals(2, routes.get(1).rewriters().size());
    }

    @Test
    void routeBindIsReadWithTheSameKeysAsASinksBind() {
        RelayConfig config = files.valid(ConfigLoaderProblemsTest.DEMO
                .replace("connect-timeout: 5s }", "connect-timeout: 5s, bind: { interface: eth1, fwmark: 0x10 } }")
                .replace("  - sink: out", "  - sink: out\n        bind: { address: \"2001:db8::1\", fwmark: \"0x20\","
                        + " freebind: true }"));

        assertEquals(new BindProfile(null, "eth1", 16L, null, null),
                ((DirectSinkProvider.TestSink) config.sinks().get("out").sink()).config().bind());
        var routes = config.listeners().getFirst().router().routes();
        assertEquals(Optional.empty(), routes.get(0).bind());
        assertEquals(Optional.of(new BindProfile("2001:db8::1", null, 32L, true, null)), routes.get(1).bind());
    }

    @Test
    void transparentClientBindIsKept() {
        RelayConfig config = files.valid(ConfigLoaderProblemsTest.DEMO.replace("  - sink: out",
                "  - sink: out\n        bind: { transparent: client }"));

        assertEquals(Optional.of(new BindProfile(null, null, null, null, "client")),
                config.listeners().getFirst().router().routes().get(1).bind());
    }

    @Test
    void allowedRangesAreKeptOnTheRoute() {
        RelayConfig config = files.valid(ConfigLoaderProblemsTest.DEMO.replace("  - sink: out",
                "  - sink: out\n        allow: [\"127.0.0.1/32\", \"::1\", 10.0.0.0/8]"));
        var routes = config.listeners().getFirst().router().routes();

        assertEquals(List.of(), routes.get(0).allow());
        assertEquals(List.of(Cidr.parse("127.0.0.1/32"), Cidr.parse("::1/128"), Cidr.parse("10.0.0.0/8")),
                routes.get(1).allow());
    }
}
