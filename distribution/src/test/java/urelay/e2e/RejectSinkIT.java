// SPDX-License-Identifier: Apache-2.0
package urelay.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import urelay.e2e.harness.AuditLine;
import urelay.e2e.harness.Cleanup;
import urelay.e2e.harness.Configs;
import urelay.e2e.harness.Curl;
import urelay.e2e.harness.EndToEnd;
import urelay.e2e.harness.Netns;
import urelay.e2e.harness.Nginx;
import urelay.e2e.harness.Topology;
import urelay.e2e.harness.UrelayProcess;

/**
 * A route to a {@code reject} sink blocks one port while the next route carries the rest.
 * nginx listens on both ports, so only the route can explain a refusal.
 */
@EndToEnd(tools = {"nginx", "curl"})
class RejectSinkIT {

    private static final int BLOCKED_PORT = 25;
    private static final int OPEN_PORT = 80;
    private static final Duration AUDIT_LIMIT = Duration.ofSeconds(10);

    private static final Cleanup CLEANUP = new Cleanup();
    private static Nginx nginx;
    private static Netns lan;
    private static UrelayProcess urelay;

    @BeforeAll
    static void startRelay() {
        Topology net = CLEANUP.add(Topology.create());
        lan = net.addPrivate("lan");
        nginx = CLEANUP.add(Nginx.start(net.server(), List.of(Topology.SERVER_V4),
                List.of(BLOCKED_PORT, OPEN_PORT)));

        String routes = """
                      - match: { port: [%d] }
                        sink: block
                      - sink: out
                """.formatted(BLOCKED_PORT);
        String config = Configs.configWithSinks("json", "  block: { type: reject }\n",
                Configs.listener("lan", Configs.transparentSource(lan, BLOCKED_PORT, OPEN_PORT),
                        routes));
        urelay = CLEANUP.add(UrelayProcess.run(net.host(), config, List.of(lan), BLOCKED_PORT,
                OPEN_PORT));
    }

    @AfterAll
    static void stopRelay() {
        CLEANUP.close();
    }

    @Test
    void resetsTheClientAndAuditsRejectedWhenTheRouteRejects() {
        Curl.Result curl = Curl.get(lan, "http://198.51.100.7:" + BLOCKED_PORT + "/");

        assertTrue(curl.wasReset(), "curl exit " + curl.exit() + ": " + curl.stderr());
        AuditLine audit = awaitAudit(curl);
        assertAll(audit.raw(),
                () -> assertEquals("198.51.100.7:" + BLOCKED_PORT, audit.get("dst")),
                () -> assertEquals("block", audit.get("sink")),
                () -> assertNull(audit.get("upstream")),
                () -> assertEquals("rejected", audit.get("outcome")),
                () -> assertEquals(0, audit.number("down_bytes")));
    }

    @Test
    void carriesThePortsTheRejectRouteDoesNotMatch() {
        Curl.Result curl = Curl.get(lan, "http://198.51.100.7:" + OPEN_PORT + "/");

        assertEquals(0, curl.exit(), "curl failed: " + curl.stderr());
        assertEquals(nginx.body(OPEN_PORT), curl.body());
        AuditLine audit = awaitAudit(curl);
        assertAll(audit.raw(),
                () -> assertEquals("out", audit.get("sink")),
                () -> assertEquals("ok", audit.get("outcome")));
    }

    private static AuditLine awaitAudit(Curl.Result curl) {
        assertTrue(curl.localPort() > 0, "curl did not connect: " + curl.stderr());
        return urelay.awaitAudit(AUDIT_LIMIT, "for client " + curl.client(),
                line -> line.hasClientPort(curl.localPort()));
    }
}
