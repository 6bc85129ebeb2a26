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
import urelay.e2e.harness.Configs;
import urelay.e2e.harness.Curl;
import urelay.e2e.harness.EndToEnd;
import urelay.e2e.harness.Netns;
import urelay.e2e.harness.Nginx;
import urelay.e2e.harness.Topology;
import urelay.e2e.harness.UrelayProcess;
import urelay.e2e.harness.Wait;

/**
 * The {@code ip-rewrite} rewriter carries connections between the address families:
 *
 * <pre>
 *   v4net (local routes)      host (urelay)                      server
 *   curl -4 192.0.2.33:80 ──▶ nat64: [64:ff9b::c000:221]:80 ──▶  nginx on 64:ff9b::c000:221
 *                             route 64:ff9b::/96 via server       (on lo), IPv6 only
 *   v6net (local routes)
 *   curl -6 [64:ff9b::c633:6407]:80
 *                         ──▶ nat46: 198.51.100.7:80 ─────────▶  nginx on 198.51.100.7,
 *                                                                 IPv4 only
 * </pre>
 *
 * <p>Neither client's destination exists anywhere, and each nginx listens on one address of
 * one family, so a page arrives only if urelay rewrote the destination; the page's random
 * token tells which server sent it. The {@code v4net} listener also has a route with its own
 * {@code port-map} rewriter, applied to that route's connections only.
 */
@EndToEnd(tools = {"nginx", "curl"})
class Nat64IT {

    private static final String NAT64_PREFIX = "64:ff9b::/96";
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
    private static Netns v4net;
    private static Netns v6net;
    private static UrelayProcess urelay;

    @BeforeAll
    static void startRelay() {
        Topology net = CLEANUP.add(Topology.create());
        v4net = net.addPrivate("v4net");
        v6net = net.addPrivate("v6net");

        // The server owns one address under the NAT64 prefix, and the host routes the
        // prefix to it, as a network with a NAT64 server in front of it would.
        net.server().ip("-6", "address", "add", SERVER_NAT64 + "/128", "dev", "lo");
        net.host().ip("-6", "route", "add", NAT64_PREFIX, "via", Topology.SERVER_V6);

        ipv6Only = CLEANUP.add(Nginx.start(net.server(), List.of("[" + SERVER_NAT64 + "]"),
                List.of(80, PLAIN_PORT)));
        ipv4Only = CLEANUP.add(Nginx.start(net.server(), List.of(Topology.SERVER_V4),
                List.of(80)));
        // Both servers use port 80, so the harness's wait for "something on port 80" proves
        // nothing about the second one: wait for its exact address.
        awaitListening(net.server(), Topology.SERVER_V4 + ":80");
        awaitListening(net.server(), "[" + SERVER_NAT64 + "]:80");

        String v4Routes = """
                      - match: { port: [%d] }
                        rewriters: [ { type: ip-rewrite, mode: port-map, from: "%d", to: "80" } ]
                        sink: out
                      - sink: out
                """.formatted(MAPPED_PORT, MAPPED_PORT);
        String config = Configs.config("json",
                Configs.listener("v4net", Configs.transparentSource(v4net, 80, MAPPED_PORT,
                        PLAIN_PORT), rewriter("nat64"), v4Routes),
                Configs.listener("v6net", Configs.transparentSource(v6net, 80),
                        rewriter("nat46"), "      - sink: out\n"));
        urelay = CLEANUP.add(UrelayProcess.run(net.host(), config, List.of(v4net), 80,
                MAPPED_PORT, PLAIN_PORT));
        v6net.awaitListening(LISTEN_LIMIT, 80);
    }

    @AfterAll
    static void stopRelay() {
        CLEANUP.close();
    }

    @Test
    void carriesAnIpv4ClientToAnIpv6OnlyServerThroughNat64() {
        Curl.Result curl = Curl.get(v4net, "http://192.0.2.33/", "-4");

        assertEquals(0, curl.exit(), "curl failed: " + curl.stderr());
        assertEquals(ipv6Only.body(80), curl.body());
        AuditLine audit = awaitAudit(curl);
        assertAll(audit.raw(),
                () -> assertEquals("v4net", audit.get("listener")),
                () -> assertEquals("192.0.2.33:80", audit.get("dst")),
                () -> assertEquals("[" + SERVER_NAT64 + "]:80", audit.get("final")),
                () -> assertEquals("ok", audit.get("outcome")));
    }

    @Test
    void carriesAnIpv6ClientToAnIpv4OnlyServerThroughNat46() {
        Curl.Result curl = Curl.get(v6net, "http://[64:ff9b::c633:6407]/", "-6");

        assertEquals(0, curl.exit(), "curl failed: " + curl.stderr());
        assertEquals(ipv4Only.body(80), curl.body());
        AuditLine audit = awaitAudit(curl);
        assertAll(audit.raw(),
                () -> assertEquals("v6net", audit.get("listener")),
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
        Curl.Result curl = Curl.get(v4net, "http://192.0.2.33:" + port + "/", "-4");

        assertEquals(0, curl.exit(), "curl failed: " + curl.stderr());
        assertEquals(ipv6Only.body(finalPort), curl.body());
        AuditLine audit = awaitAudit(curl);
        assertAll(audit.raw(),
                () -> assertEquals("192.0.2.33:" + port, audit.get("dst")),
                () -> assertEquals("[" + SERVER_NAT64 + "]:" + finalPort, audit.get("final")),
                () -> assertEquals("ok", audit.get("outcome")));
    }

    private static String rewriter(String mode) {
        return "[ { type: ip-rewrite, mode: %s, prefix: \"%s\" } ]".formatted(mode, NAT64_PREFIX);
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
