// SPDX-License-Identifier: Apache-2.0
package urelay.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import urelay.e2e.harness.AuditLine;
import urelay.e2e.harness.Cleanup;
import urelay.e2e.harness.Command;
import urelay.e2e.harness.Configs;
import urelay.e2e.harness.EndToEnd;
import urelay.e2e.harness.JavaPeer;
import urelay.e2e.harness.Netns;
import urelay.e2e.harness.Topology;
import urelay.e2e.harness.UrelayProcess;
import urelay.e2e.peers.HalfCloseClient;
import urelay.e2e.peers.HalfCloseServer;
import urelay.e2e.peers.Payload;
import urelay.e2e.peers.ResetClient;
import urelay.e2e.peers.ResetServer;

/**
 * How a relayed connection ends: a half-close travels on and the answer after it arrives
 * whole; a reset from the server, a refused connect and a connection no route accepts all
 * reach the client as a reset.
 */
@EndToEnd
class ConnectionEndIT {

    private static final int HALF_CLOSE_PORT = 9000;
    private static final int RESET_PORT = 9001;
    private static final int CLOSED_PORT = 9002;
    private static final int STRICT_PORT = 9003;
    private static final int ANSWER_SIZE = 1024 * 1024;
    private static final Duration PEER_LIMIT = Duration.ofSeconds(60);
    private static final Duration AUDIT_LIMIT = Duration.ofSeconds(10);

    private static final Cleanup CLEANUP = new Cleanup();
    private static Topology net;
    private static Netns lan;
    private static Netns strict;
    private static UrelayProcess urelay;

    @BeforeAll
    static void startRelay() {
        net = CLEANUP.add(Topology.create());
        lan = net.addPrivate("lan");
        strict = net.addPrivate("strict");
        String onlyDocumentationNet = """
                      - match: { cidr: ["203.0.113.0/24"] }
                        sink: out
                """;
        String config = Configs.config("json",
                Configs.transparentListener("lan", lan, HALF_CLOSE_PORT, RESET_PORT, CLOSED_PORT),
                Configs.listener("strict", transparentSource(strict, STRICT_PORT),
                        onlyDocumentationNet));
        urelay = CLEANUP.add(UrelayProcess.run(net.host(), config, List.of(lan), HALF_CLOSE_PORT,
                RESET_PORT, CLOSED_PORT));
        strict.awaitListening(Duration.ofSeconds(30), STRICT_PORT);
    }

    @AfterAll
    static void stopRelay() {
        CLEANUP.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {Topology.SERVER_V4, Topology.SERVER_V6})
    void passesTheClientsHalfCloseOnAndDeliversTheWholeAnswer(String server) {
        String request = "request " + UUID.randomUUID();
        byte[] requestBytes = request.getBytes(StandardCharsets.UTF_8);

        try (JavaPeer peer = JavaPeer.start(net.server(), HalfCloseServer.class, server,
                String.valueOf(HALF_CLOSE_PORT), String.valueOf(ANSWER_SIZE))) {
            peer.awaitReady(PEER_LIMIT);
            Command.Result client = JavaPeer.start(lan, HalfCloseClient.class, server,
                    String.valueOf(HALF_CLOSE_PORT), request).awaitExit(PEER_LIMIT);

            String expected = "received=" + (ANSWER_SIZE + requestBytes.length) + " sha256="
                    + Payload.sha256(Payload.pattern(ANSWER_SIZE), requestBytes);
            assertTrue(client.out().contains(expected),
                    "client printed " + client.out() + " " + client.err());
            assertEquals(0, peer.awaitExit(PEER_LIMIT).exit());
        }

        AuditLine audit = awaitAuditTo(server, HALF_CLOSE_PORT);
        assertAll(audit.raw(),
                () -> assertEquals("ok", audit.get("outcome")),
                () -> assertEquals(requestBytes.length, audit.number("up_bytes")),
                () -> assertEquals(ANSWER_SIZE + requestBytes.length,
                        audit.number("down_bytes")));
    }

    @Test
    void resetsTheClientWhenTheServerResets() {
        try (JavaPeer peer = JavaPeer.start(net.server(), ResetServer.class, Topology.SERVER_V4,
                String.valueOf(RESET_PORT))) {
            peer.awaitReady(PEER_LIMIT);

            assertClientIsReset(lan, Topology.SERVER_V4, RESET_PORT);
        }
        assertEquals("reset", awaitAuditTo(Topology.SERVER_V4, RESET_PORT).get("outcome"));
    }

    @Test
    void resetsTheClientWhenTheServerRefuses() {
        assertClientIsReset(lan, Topology.SERVER_V4, CLOSED_PORT);

        assertEquals("refused", awaitAuditTo(Topology.SERVER_V4, CLOSED_PORT).get("outcome"));
    }

    @Test
    void resetsTheClientWhenNoRouteMatches() {
        assertClientIsReset(strict, Topology.SERVER_V4, STRICT_PORT);

        AuditLine audit = awaitAuditTo(Topology.SERVER_V4, STRICT_PORT);
        assertAll(audit.raw(),
                () -> assertEquals("strict", audit.get("listener")),
                () -> assertEquals("no_route", audit.get("outcome")));
    }

    private static void assertClientIsReset(Netns side, String server, int port) {
        Command.Result client = JavaPeer.start(side, ResetClient.class, server,
                String.valueOf(port)).awaitExit(PEER_LIMIT);

        assertTrue(client.out().contains("outcome=reset"),
                "client printed " + client.out() + " " + client.err());
        assertTrue(client.out().contains("Connection reset"), client.out());
    }

    private static AuditLine awaitAuditTo(String server, int port) {
        String dst = (server.contains(":") ? "[" + server + "]" : server) + ":" + port;
        return urelay.awaitAudit(AUDIT_LIMIT, "with dst " + dst,
                line -> dst.equals(line.get("dst")));
    }

    private static String transparentSource(Netns netns, int port) {
        return "{ type: transparent, netns: %s, address: \"::\", ports: [%d] }"
                .formatted(netns.path(), port);
    }
}
