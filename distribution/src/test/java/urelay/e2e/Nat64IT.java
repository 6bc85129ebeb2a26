// SPDX-License-Identifier: Apache-2.0
package urelay.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import urelay.e2e.harness.AuditLine;
import urelay.e2e.harness.Cleanup;
import urelay.e2e.harness.Curl;
import urelay.e2e.harness.DocSnippets;
import urelay.e2e.harness.EndToEnd;
import urelay.e2e.harness.Netns;
import urelay.e2e.harness.Nginx;
import urelay.e2e.harness.Topology;
import urelay.e2e.harness.UrelayProcess;
import urelay.e2e.harness.Wait;

/**
 * The {@code ip-rewrite} rewriter carries connections between the address families, in the
 * setup {@code docs/rewriters.md} describes ("A tested setup"), whose blocks this test runs:
 *
 * <pre>
 *   lab4 (local routes)      host (urelay)                      server
 *   curl -4 192.0.2.33:80 ─▶ nat64: [64:ff9b::c000:221]:80 ──▶  nginx on 64:ff9b::c000:221
 *                            route 64:ff9b::/96 via server       (on lo), IPv6 only
 *   lab6 (local routes)
 *   curl -6 [64:ff9b::c633:6407]:80
 *                        ─▶ nat46: 198.51.100.7:80 ─────────▶  nginx on 198.51.100.7,
 *                                                                IPv4 only
 * </pre>
 *
 * <p>Neither client's destination exists anywhere, and each nginx listens on one address of
 * one family, so a page arrives only if urelay rewrote the destination; the page's random
 * token tells which server sent it. The {@code lab4} listener also has a route with its own
 * {@code port-map} rewriter, applied to that route's connections only.
 */
@EndToEnd(tools = {"nginx", "curl"})
class Nat64IT {

    private static final String PAGE = "rewriters.md";
    /** 192.0.2.33 under the well-known prefix, where the IPv6-only server lives. */
    private static final String SERVER_NAT64 = "64:ff9b::c000:221";
    /** Port the route-only port-map moves to 80; nothing listens on it. */
    private static final int MAPPED_PORT = 8080;
    /** Port the other route carries unchanged. */
    private static final int PLAIN_PORT = 8081;
    private static final Duration AUDIT_LIMIT = Duration.ofSeconds(10);
    private static final Duration LISTEN_LIMIT = Duration.ofSeconds(20);

    private static final Cleanup CLEANUP = new Cleanup();
    private static Nginx ipv6Only;
    private static Nginx ipv4Only;
    private static Netns lab4;
    private static Netns lab6;
    private static UrelayProcess urelay;

    @BeforeAll
    static void startRelay() {
        Topology net = CLEANUP.add(Topology.create());
        lab4 = net.addPrivate("lab4");
        lab6 = net.addPrivate("lab6");
        DocSnippets.runInside(net.server(), PAGE, "nat64-server");
        DocSnippets.runInside(net.host(), PAGE, "nat64-host");

        ipv6Only = CLEANUP.add(Nginx.start(net.server(), List.of("[" + SERVER_NAT64 + "]"),
                List.of(80, PLAIN_PORT)));
        ipv4Only = CLEANUP.add(Nginx.start(net.server(), List.of(Topology.SERVER_V4),
                List.of(80)));
        // Both servers use port 80, so the harness's wait for "something on port 80" proves
        // nothing about the second one: wait for its exact address.
        awaitListening(net.server(), Topology.SERVER_V4 + ":80");
        awaitListening(net.server(), "[" + SERVER_NAT64 + "]:80");

        String config = DocSnippets.get(PAGE, "nat64-config", "lab4", lab4.name())
                .replaceAll("\\blab6\\b", lab6.name());
        urelay = CLEANUP.add(UrelayProcess.run(net.host(), config, List.of(lab4), 80,
                MAPPED_PORT, PLAIN_PORT));
        lab6.awaitListening(LISTEN_LIMIT, 80);
    }

    @AfterAll
    static void stopRelay() {
        CLEANUP.close();
    }

    @Test
    void carriesAnIpv4ClientToAnIpv6OnlyServerThroughNat64() {
        Curl.Result curl = Curl.get(lab4, "http://192.0.2.33/", "-4");

        assertEquals(0, curl.exit(), "curl failed: " + curl.stderr());
        assertEquals(ipv6Only.body(80), curl.body());
        AuditLine audit = awaitAudit(curl);
        assertAll(audit.raw(),
                () -> assertEquals("ipv4-lab", audit.get("listener")),
                () -> assertEquals("192.0.2.33:80", audit.get("dst")),
                () -> assertEquals("[" + SERVER_NAT64 + "]:80", audit.get("final")),
                () -> assertEquals("ok", audit.get("outcome")));
    }

    @Test
    void carriesAnIpv6ClientToAnIpv4OnlyServerThroughNat46() {
        Curl.Result curl = Curl.get(lab6, "http://[64:ff9b::c633:6407]/", "-6");

        assertEquals(0, curl.exit(), "curl failed: " + curl.stderr());
        assertEquals(ipv4Only.body(80), curl.body());
        AuditLine audit = awaitAudit(curl);
        assertAll(audit.raw(),
                () -> assertEquals("ipv6-lab", audit.get("listener")),
                () -> assertEquals("[64:ff9b::c633:6407]:80", audit.get("dst")),
                () -> assertEquals(Topology.SERVER_V4 + ":80", audit.get("final")),
                () -> assertEquals("ok", audit.get("outcome")));
    }

    @ParameterizedTest(name = "port {0} ends at port {1}")
    @CsvSource({
        MAPPED_PORT + ", 80",
        PLAIN_PORT + ", " + PLAIN_PORT,
    })
    void appliesARoutesPortMapOnlyToTheConnectionsThatRouteTakes(int port, int finalPort) {
        Curl.Result curl = Curl.get(lab4, "http://192.0.2.33:" + port + "/", "-4");

        assertEquals(0, curl.exit(), "curl failed: " + curl.stderr());
        assertEquals(ipv6Only.body(finalPort), curl.body());
        AuditLine audit = awaitAudit(curl);
        assertAll(audit.raw(),
                () -> assertEquals("192.0.2.33:" + port, audit.get("dst")),
                () -> assertEquals("[" + SERVER_NAT64 + "]:" + finalPort, audit.get("final")),
                () -> assertEquals("ok", audit.get("outcome")));
    }

    private static AuditLine awaitAudit(Curl.Result curl) {
        assertTrue(curl.localPort() > 0, "curl did not connect: " + curl.stderr());
        AuditLine audit = urelay.awaitAudit(AUDIT_LIMIT, "for client " + curl.client(),
                line -> line.hasClientPort(curl.localPort()));
        assertEquals(curl.client(), audit.get("client"), audit.raw());
        return audit;
    }

    /** Waits until a TCP socket in {@code netns} listens on exactly {@code socket}. */
    private static void awaitListening(Netns netns, String socket) {
        Wait.until(LISTEN_LIMIT, "a listener on " + socket + " in " + netns,
                () -> netns.exec("ss", "-H", "-l", "-t", "-n").orThrow().out().lines()
                        .map(line -> line.trim().split("\\s+"))
                        .anyMatch(columns -> columns.length >= 4 && columns[3].equals(socket)));
    }
}
