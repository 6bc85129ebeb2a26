// SPDX-License-Identifier: Apache-2.0
package urelay.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import urelay.e2e.harness.AuditLine;
import urelay.e2e.harness.Cleanup;
import urelay.e2e.harness.Command;
import urelay.e2e.harness.Configs;
import urelay.e2e.harness.EndToEnd;
import urelay.e2e.harness.JavaPeer;
import urelay.e2e.harness.Netns;
import urelay.e2e.harness.Topology;
import urelay.e2e.harness.UrelayProcess;
import urelay.e2e.peers.HoldClient;
import urelay.e2e.peers.HoldServer;

/**
 * SIGTERM stops urelay cleanly while it relays: a client in the private namespace and a
 * server in the server namespace hold a relayed connection open, sending nothing, when urelay
 * gets SIGTERM. urelay resets both sides, writes that connection's audit line and exits.
 */
@EndToEnd
class StopIT {

    private static final int PORT = 9000;
    private static final Duration PEER_LIMIT = Duration.ofSeconds(60);
    /** urelay waits at most 3 s for the audit lines of the connections it cut. */
    private static final Duration EXIT_LIMIT = Duration.ofSeconds(10);

    @Test
    void resetsOpenConnectionsWritesTheirAuditLinesAndExitsOnSigterm() {
        try (Cleanup cleanup = new Cleanup()) {
            Topology net = cleanup.add(Topology.create());
            Netns lan = net.addPrivate("lan");
            JavaPeer server = cleanup.add(JavaPeer.start(net.server(), HoldServer.class,
                    Topology.SERVER_V4, String.valueOf(PORT)).awaitReady(PEER_LIMIT));
            UrelayProcess urelay = cleanup.add(UrelayProcess.run(net.host(),
                    Configs.config("json", Configs.transparentListener("lan", lan, PORT)),
                    List.of(lan), PORT));
            JavaPeer client = cleanup.add(JavaPeer.start(lan, HoldClient.class,
                    Topology.SERVER_V4, String.valueOf(PORT)).awaitReady(PEER_LIMIT));

            ProcessHandle.of(urelay.pid()).ifPresent(ProcessHandle::destroy);

            int exit = urelay.awaitExit(EXIT_LIMIT);
            Command.Result clientEnd = client.awaitExit(PEER_LIMIT);
            Command.Result serverEnd = server.awaitExit(PEER_LIMIT);
            assertAll(
                    () -> assertEquals(0, exit, "a stop that was asked for ends with 0" + urelay.describe()),
                    () -> assertTrue(clientEnd.out().contains("outcome=reset"),
                            "client printed " + clientEnd.out() + " " + clientEnd.err()),
                    () -> assertTrue(serverEnd.out().contains("outcome=reset"),
                            "server printed " + serverEnd.out() + " " + serverEnd.err()));

            int clientPort = localPort(clientEnd);
            List<AuditLine> lines = urelay.audit().stream()
                    .filter(line -> line.hasClientPort(clientPort)).toList();
            assertEquals(1, lines.size(), () -> "audit lines for client port " + clientPort
                    + urelay.describe());
            AuditLine audit = lines.getFirst();
            assertAll(audit.raw(),
                    () -> assertEquals(Topology.SERVER_V4 + ":" + PORT, audit.get("dst")),
                    () -> assertEquals("reset", audit.get("outcome")),
                    () -> assertEquals("urelay stopping", audit.get("detail")),
                    () -> assertEquals(HoldClient.GREETING.length(), audit.number("down_bytes")),
                    () -> assertTrue(urelay.stderr().lines()
                            .anyMatch(line -> line.endsWith(" urelay.engine stopping")),
                            urelay::stderr));
        }
    }

    private static int localPort(Command.Result client) {
        return client.out().lines()
                .filter(line -> line.startsWith("local_port="))
                .mapToInt(line -> Integer.parseInt(line.substring("local_port=".length())))
                .findFirst()
                .orElseThrow(() -> new AssertionError("client printed no port: " + client.out()));
    }
}
