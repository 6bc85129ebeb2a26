// SPDX-License-Identifier: Apache-2.0
package urelay.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import urelay.e2e.harness.AuditLine;
import urelay.e2e.harness.Cleanup;
import urelay.e2e.harness.Command;
import urelay.e2e.harness.Curl;
import urelay.e2e.harness.DocSnippets;
import urelay.e2e.harness.EndToEnd;
import urelay.e2e.harness.Gateway;
import urelay.e2e.harness.Image;
import urelay.e2e.harness.Netns;
import urelay.e2e.harness.Nginx;
import urelay.e2e.harness.Topology;
import urelay.e2e.harness.UrelayProcess;

/**
 * {@code urelay netns prepare} and {@code show} on namespaces the test names: the output the
 * capture pages in {@code docs/} show, the same namespace as the pages' manual commands, and
 * a namespace that really captures connections for urelay afterwards.
 */
@EndToEnd(tools = {"nginx", "curl", "nft"})
class NetnsCommandIT {

    private static final String LOCAL_PAGE = "capture-local-routes.md";
    private static final String TPROXY_PAGE = "capture-tproxy.md";
    private static final Duration AUDIT_LIMIT = Duration.ofSeconds(10);

    private final Cleanup cleanup = new Cleanup();

    @AfterEach
    void removeNamespaces() {
        cleanup.close();
    }

    @Test
    void prepareAndShowPrintWhatTheLocalRoutesPageShows() {
        String name = named("lab");

        assertEquals(DocSnippets.output(LOCAL_PAGE, "local-routes-prepare", "lab", name),
                urelay("netns", "prepare", name));
        assertEquals(DocSnippets.output(LOCAL_PAGE, "local-routes-show", "lab", name), urelay("netns", "show", name));
    }

    @Test
    void prepareRunTwiceKeepsWhatIsThereAndSaysSo() {
        String name = named("again");
        urelay("netns", "prepare", name);

        assertEquals(List.of(
                "namespace " + name + ": present",
                "lo: up",
                "ip -4 route local 0.0.0.0/0 dev lo table main: present",
                "ip -6 route local ::/0 dev lo table main: present"), urelay("netns", "prepare", name));
    }

    @Test
    void theLocalRoutesPagesManualCommandsMakeTheSameNamespaceAsPrepare() {
        String prepared = named("prep");
        String manual = named("manual");

        urelay("netns", "prepare", prepared);
        DocSnippets.runNaming(LOCAL_PAGE, "local-routes", "lab", manual);

        List<String> expected = urelay("netns", "show", prepared);
        List<String> actual = urelay("netns", "show", manual);
        assertEquals(expected.subList(1, expected.size()), actual.subList(1, actual.size()));
    }

    @Test
    void aPreparedNamespaceCarriesItsConnectionsThroughATransparentListener() {
        String name = named("lan");
        urelay("netns", "prepare", name);
        Netns lan = Netns.adopt(name);
        Topology net = cleanup.add(Topology.create());
        Nginx nginx = cleanup.add(Nginx.start(net.server(),
                List.of(Topology.SERVER_V4, "[" + Topology.SERVER_V6 + "]"), List.of(80)));

        String config = DocSnippets.get(LOCAL_PAGE, "local-routes-config", "lab", name);
        try (UrelayProcess urelay = UrelayProcess.run(net.host(), config, List.of(lan), 80, 443)) {
            for (String address : List.of(Topology.SERVER_V4, "[" + Topology.SERVER_V6 + "]")) {
                Curl.Result curl = Curl.get(lan, "http://" + address + "/");

                assertEquals(0, curl.exit(), "curl failed: " + curl.stderr());
                assertEquals(nginx.body(80), curl.body());
                AuditLine audit = urelay.awaitAudit(AUDIT_LIMIT, "for client port " + curl.localPort(),
                        line -> line.hasClientPort(curl.localPort()));
                assertAll(audit.raw(),
                        () -> assertEquals(name, audit.get("listener")),
                        () -> assertEquals(address + ":80", audit.get("dst")),
                        () -> assertEquals("ok", audit.get("outcome")));
            }
        }
    }

    @Test
    void prepareWithTproxyPrintsAndSetsUpWhatTheTproxyPageShows() {
        String name = named("gw");

        assertEquals(DocSnippets.output(TPROXY_PAGE, "tproxy-prepare", "gateway", name),
                urelay("netns", "prepare", name, "--tproxy", "15001"));
        assertEquals(DocSnippets.output(TPROXY_PAGE, "tproxy-show", "gateway", name), urelay("netns", "show", name));
    }

    @Test
    void theTproxyPagesRulesMakeTheSameNamespaceAsPrepareWithTproxy() {
        String prepared = named("gw");
        urelay("netns", "prepare", prepared, "--tproxy", "15001");
        Netns manual = cleanup.add(Netns.create("manual"));

        DocSnippets.runInside(manual, TPROXY_PAGE, "tproxy-nft");

        List<String> expected = urelay("netns", "show", prepared);
        List<String> actual = urelay("netns", "show", manual.name());
        assertEquals(expected.subList(1, expected.size()), actual.subList(1, actual.size()));
    }

    @Test
    void aNamespacePreparedWithTproxyHandsRoutedInConnectionsToOneListener() {
        String name = named("gw");
        urelay("netns", "prepare", name, "--tproxy", "15001");
        Netns gateway = Netns.adopt(name);
        Netns client = cleanup.add(Netns.create("client"));
        Gateway.link(gateway, "lan0", Gateway.GATEWAY_V4, Gateway.GATEWAY_V6, client, Gateway.CLIENT_V4,
                Gateway.CLIENT_V6);
        Topology net = cleanup.add(Topology.create());
        Nginx nginx = cleanup.add(Nginx.start(net.server(), List.of(Topology.SERVER_V4), List.of(8443)));

        String config = DocSnippets.get(TPROXY_PAGE, "tproxy-config")
                .replace("type: tproxy,", "type: tproxy, netns: " + gateway.path() + ",");
        try (UrelayProcess urelay = UrelayProcess.run(net.host(), config, List.of(gateway), 15001)) {
            Curl.Result curl = Curl.get(client, "http://" + Topology.SERVER_V4 + ":8443/");

            assertEquals(0, curl.exit(), "curl failed: " + curl.stderr());
            assertEquals(nginx.body(8443), curl.body());
            AuditLine audit = urelay.awaitAudit(AUDIT_LIMIT, "for client port " + curl.localPort(),
                    line -> line.hasClientPort(curl.localPort()));
            assertEquals(Topology.SERVER_V4 + ":8443", audit.get("dst"), audit.raw());
        }
    }

    @Test
    void eachModeRefusesANamespacePreparedForTheOther() {
        String local = named("local");
        String tproxy = named("tproxy");
        urelay("netns", "prepare", local);
        urelay("netns", "prepare", tproxy, "--tproxy", "15001");

        Command.Result toTproxy = run("netns", "prepare", local, "--tproxy", "15001");
        Command.Result toLocal = run("netns", "prepare", tproxy);

        assertEquals(1, toTproxy.exit());
        assertEquals("urelay netns: namespace " + local + " has local routes in table main",
                toTproxy.err().lines().toList().getFirst().split(" \\(")[0]);
        assertEquals(1, toLocal.exit());
        assertEquals("urelay netns: namespace " + tproxy + " has IPv4 policy rules",
                toLocal.err().lines().toList().getFirst().split(" \\(")[0]);
    }

    @Test
    void aMissingNamespaceOrABadNameIsOneLineWithItsExitCode() {
        String missing = Netns.freshName("missing");

        Command.Result show = run("netns", "show", missing);
        Command.Result bad = run("netns", "prepare", "a/b");

        assertEquals(1, show.exit());
        assertEquals(List.of("urelay netns: no namespace named " + missing + " (ip netns list does not show it)"),
                show.err().lines().toList());
        assertEquals(2, bad.exit());
        assertEquals(1, bad.err().lines().count(), bad.err());
    }

    /** A fresh namespace name, deleted after the test whether or not anything made it. */
    private String named(String role) {
        String name = Netns.freshName(role);
        cleanup.add(Netns.adopt(name));
        return name;
    }

    private static List<String> urelay(String... args) {
        Command.Result result = run(args).orThrow();
        return result.out().lines().toList();
    }

    private static Command.Result run(String... args) {
        return Command.run(Duration.ofSeconds(60), Image.urelayCommand(args));
    }
}
