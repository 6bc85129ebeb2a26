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

/**
 * curl in the private namespace fetches pages from nginx in the server namespace; the only
 * way there is urelay, which reads each connection's original destination and connects to
 * it from the host namespace.
 */
@EndToEnd(tools = {"nginx", "curl"})
class HttpRelayIT {

    private static final Duration AUDIT_LIMIT = Duration.ofSeconds(10);
    /** The audit fields in their documented order; later fields may follow them. */
    private static final List<String> AUDIT_KEYS = List.of("time", "id", "listener", "client",
            "dst", "final", "sink", "upstream", "up_bytes", "down_bytes", "ms", "outcome",
            "detail");

    private static final Cleanup CLEANUP = new Cleanup();
    private static Topology net;
    private static Nginx nginx;
    private static Netns lan;
    private static UrelayProcess urelay;

    @BeforeAll
    static void startRelay() {
        net = CLEANUP.add(Topology.create());
        lan = net.addPrivate("lan");
        nginx = CLEANUP.add(Nginx.start(net.server(),
                List.of(Topology.SERVER_V4, "[" + Topology.SERVER_V6 + "]"), List.of(80, 8080)));
        urelay = CLEANUP.add(UrelayProcess.run(net.host(),
                Configs.config("json", Configs.transparentListener("private", lan, 80, 8080)),
                List.of(lan), 80, 8080));
    }

    @AfterAll
    static void stopRelay() {
        CLEANUP.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "http://198.51.100.7/,            198.51.100.7:80,        80",
        "http://198.51.100.7:8080/,       198.51.100.7:8080,      8080",
        "http://[2001:db8:100::7]/,       [2001:db8:100::7]:80,   80",
        "http://[2001:db8:100::7]:8080/,  [2001:db8:100::7]:8080, 8080",
    })
    void carriesTheRequestToItsOriginalDestinationAndAuditsItAsJson(String url, String dst,
            int port) {
        Curl.Result curl = Curl.get(lan, url);

        assertEquals(0, curl.exit(), "curl failed: " + curl.stderr());
        assertEquals(nginx.body(port), curl.body());

        AuditLine audit = urelay.awaitAudit(AUDIT_LIMIT, "for client " + curl.client(),
                line -> line.hasClientPort(curl.localPort()) && dst.equals(line.get("dst")));
        assertAll(audit.raw(),
                () -> assertEquals(curl.client(), audit.get("client")),
                () -> assertEquals("private", audit.get("listener")),
                () -> assertEquals(dst, audit.get("dst")),
                () -> assertEquals(dst, audit.get("final")),
                () -> assertEquals("out", audit.get("sink")),
                () -> assertEquals("ok", audit.get("outcome")),
                () -> assertTrue(audit.number("up_bytes") > 0),
                () -> assertTrue(audit.number("down_bytes") > nginx.body(port).length()),
                () -> assertTrue(audit.number("ms") >= 0),
                () -> assertTrue(audit.fields().keySet().containsAll(AUDIT_KEYS)));
    }

    @Test
    void writesPlainAuditLinesWhenConfigured() {
        Netns office = net.addPrivate("office");
        String config = Configs.config("plain", Configs.transparentListener("office", office, 80));

        try (UrelayProcess plain = UrelayProcess.run(net.host(), config, List.of(office), 80)) {
            Curl.Result curl = Curl.get(office, "http://198.51.100.7/");

            assertEquals(0, curl.exit(), "curl failed: " + curl.stderr());
            assertEquals(nginx.body(80), curl.body());

            AuditLine audit = plain.awaitAudit(AUDIT_LIMIT, "for client " + curl.client(),
                    line -> line.hasClientPort(curl.localPort()));
            assertAll(audit.raw(),
                    () -> assertEquals(curl.client(), audit.get("client")),
                    () -> assertTrue(audit.raw().startsWith("conn.end time=")),
                    () -> assertEquals(AUDIT_KEYS, List.copyOf(audit.fields().keySet())
                            .subList(0, Math.min(AUDIT_KEYS.size(), audit.fields().size()))),
                    () -> assertEquals("office", audit.get("listener")),
                    () -> assertEquals("198.51.100.7:80", audit.get("dst")),
                    () -> assertEquals("ok", audit.get("outcome")),
                    () -> assertTrue(audit.number("up_bytes") > 0),
                    () -> assertTrue(audit.number("down_bytes") > 0));
        }
    }
}
