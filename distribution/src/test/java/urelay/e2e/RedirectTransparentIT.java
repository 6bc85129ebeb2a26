// SPDX-License-Identifier: Apache-2.0
package urelay.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import urelay.e2e.harness.AuditLine;
import urelay.e2e.harness.Cleanup;
import urelay.e2e.harness.Curl;
import urelay.e2e.harness.DocSnippets;
import urelay.e2e.harness.EndToEnd;
import urelay.e2e.harness.Gateway;
import urelay.e2e.harness.JavaPeer;
import urelay.e2e.harness.UrelayProcess;
import urelay.e2e.peers.PeerAddressServer;

/**
 * {@code bind: { transparent: client }} behind a REDIRECT rule: urelay in the {@link Gateway}
 * captures the client's connections with the {@code redirect} source and connects to the
 * server from the client's own address and port. That outbound connection has the addresses
 * and ports of the connection the REDIRECT rule translated, so without the notrack rule of
 * {@code docs/capture-redirect.md} connection tracking translates it back to urelay; with the
 * rule the server sees the client. The rules and the config are read from
 * {@code capture-redirect.md} and {@code bind.md}.
 */
@EndToEnd(tools = {"curl", "nft"})
class RedirectTransparentIT {

    private static final String PAGE = "capture-redirect.md";
    private static final String PLAIN_SINK = "out: { type: direct, connect-timeout: 5s }";
    private static final int PORT = 15002;
    private static final int SERVER_PORT = 8443;
    private static final Duration AUDIT_LIMIT = Duration.ofSeconds(20);
    private static final Pattern COUNTER = Pattern.compile("counter packets (\\d+)");

    /**
     * Test-only counters in the gateway: SYNs arriving through {@code lo} for urelay's port
     * (a connection translated back to urelay), and TCP packets leaving towards the server.
     * The second counts in postrouting because an output chain still sees the interface
     * chosen before NAT re-routed a packet: {@code wan0}, for a SYN that then goes to
     * {@code lo}.
     */
    private static final String PROBES = """
            nft -f - <<'EOF'
            table inet urelay_probe {
            	chain input {
            		type filter hook input priority filter; policy accept;
            		iifname "lo" tcp dport %d tcp flags & (syn | ack) == syn counter
            	}
            	chain postrouting {
            		type filter hook postrouting priority filter; policy accept;
            		oifname "wan0" meta l4proto tcp counter
            	}
            }
            EOF
            """.formatted(PORT);

    private final Cleanup cleanup = new Cleanup();
    private Gateway net;

    @BeforeEach
    void buildNetwork() {
        net = cleanup.add(Gateway.create());
        DocSnippets.runInside(net.gateway(), PAGE, "redirect-nft");
        cleanup.add(JavaPeer.start(net.server(), PeerAddressServer.class, String.valueOf(SERVER_PORT), "10")
                .awaitReady(Duration.ofSeconds(30)));
    }

    @AfterEach
    void removeNetwork() {
        cleanup.close();
    }

    @Test
    void withTheNotrackRuleTheServerSeesTheClientsOwnAddressInBothFamilies() {
        DocSnippets.runInside(net.gateway(), PAGE, "redirect-transparent-nft");

        try (UrelayProcess urelay = startUrelay()) {
            fetchesAsClient(urelay, Gateway.CLIENT_V4, Gateway.SERVER_V4 + ":" + SERVER_PORT);
            fetchesAsClient(urelay, Gateway.CLIENT_V6, "[" + Gateway.SERVER_V6 + "]:" + SERVER_PORT);
        }
    }

    @Test
    void withoutTheNotrackRuleTheConnectionIsTranslatedBackToUrelayAndNeverReachesTheServer() {
        net.gateway().exec("sh", "-eu", "-c", PROBES).orThrow();

        try (UrelayProcess urelay = startUrelay()) {
            for (String destination : List.of(Gateway.SERVER_V4 + ":" + SERVER_PORT,
                    "[" + Gateway.SERVER_V6 + "]:" + SERVER_PORT)) {
                Curl.Result curl = Curl.get(net.client(), "http://" + destination + "/");
                assertNotEquals(0, curl.exit(), "reached the server: " + curl.body());

                AuditLine audit = awaitAudit(urelay, curl);
                assertAll(audit.raw(),
                        () -> assertEquals(destination, audit.get("dst")),
                        () -> assertNull(audit.get("upstream")),
                        () -> assertEquals("timeout", audit.get("outcome")),
                        () -> assertEquals("connect " + destination + ": no answer within 5000 ms from the "
                                + "client's own address; its replies need routing back to urelay, and behind "
                                + "REDIRECT a notrack rule (docs/capture-redirect.md)",
                                audit.get("detail")));
            }

            List<Long> probes = probes();
            assertTrue(probes.get(0) >= 2, "SYNs translated back to urelay's port: " + probes);
            assertEquals(0, probes.get(1), "TCP packets towards the server");
        }
    }

    private UrelayProcess startUrelay() {
        String sink = DocSnippets.get("bind.md", "bind-transparent").strip();
        String config = DocSnippets.get(PAGE, "redirect-config").replace(PLAIN_SINK, sink);
        if (!config.contains(sink)) {
            throw new IllegalStateException("the redirect page's config no longer has the sink line " + PLAIN_SINK);
        }
        return UrelayProcess.run(net.gateway(), config, List.of(net.gateway()), PORT);
    }

    /** Fetches from the server through urelay and checks it saw the client's own address and port. */
    private void fetchesAsClient(UrelayProcess urelay, String client, String destination) {
        Curl.Result curl = Curl.get(net.client(), "http://" + destination + "/");
        assertEquals(0, curl.exit(), "curl " + destination + " failed: " + curl.stderr());
        String[] seen = curl.body().strip().split(" ");
        assertEquals(InetAddress.ofLiteral(client), InetAddress.ofLiteral(seen[0]), "the server saw " + curl.body());
        assertEquals(String.valueOf(curl.localPort()), seen[1], "the server saw another port: " + curl.body());

        AuditLine audit = awaitAudit(urelay, curl);
        assertAll(audit.raw(),
                () -> assertEquals(curl.client(), audit.get("client")),
                () -> assertEquals(destination, audit.get("dst")),
                () -> assertEquals(destination, audit.get("upstream")),
                () -> assertEquals("ok", audit.get("outcome")));
    }

    private static AuditLine awaitAudit(UrelayProcess urelay, Curl.Result curl) {
        return urelay.awaitAudit(AUDIT_LIMIT, "for client port " + curl.localPort(),
                line -> line.hasClientPort(curl.localPort()));
    }

    /** The probes' packet counts: SYNs back to urelay through lo, then TCP out of wan0. */
    private List<Long> probes() {
        String table = net.gateway().exec("nft", "list", "table", "inet", "urelay_probe").orThrow().out();
        Matcher counter = COUNTER.matcher(table);
        List<Long> counts = new ArrayList<>();
        while (counter.find()) {
            counts.add(Long.parseLong(counter.group(1)));
        }
        assertEquals(2, counts.size(), table);
        return counts;
    }
}
