// SPDX-License-Identifier: Apache-2.0
package urelay.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * The unix sink against nginx serving one page per Unix socket ({@code 80.sock} and
 * {@code 8080.sock}, each with its own body). One private namespace sends every connection to
 * the fixed socket {@code 80.sock}; another picks the socket by the destination's port through
 * the template {@code {port}.sock}. Nothing listens on TCP: the socket is the only way in.
 */
@EndToEnd(tools = {"nginx", "curl"})
class UnixSinkIT {

    private static final Duration AUDIT_LIMIT = Duration.ofSeconds(10);

    private static final Cleanup CLEANUP = new Cleanup();
    private static Nginx nginx;
    private static Netns fixed;
    private static Netns perPort;
    private static UrelayProcess urelay;

    @BeforeAll
    static void startRelay() {
        Topology net = CLEANUP.add(Topology.create());
        fixed = net.addPrivate("fixed");
        perPort = net.addPrivate("perport");
        nginx = CLEANUP.add(Nginx.startOnUnixSockets(net.host(), List.of(80, 8080)));

        String sinks = """
                  app: { type: unix, path: "%s" }
                  per-port: { type: unix, path: "%s/{port}.sock" }
                """.formatted(nginx.socket(80), nginx.socket(80).getParent());
        String config = Configs.configWithSinks("json", sinks,
                Configs.listener("fixed", Configs.transparentSource(fixed, 80, 8080),
                        "      - sink: app\n"),
                Configs.listener("per-port", Configs.transparentSource(perPort, 80, 8080),
                        "      - sink: per-port\n"));
        urelay = CLEANUP.add(UrelayProcess.run(net.host(), config, List.of(fixed, perPort),
                80, 8080));
    }

    @AfterAll
    static void stopRelay() {
        CLEANUP.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "http://198.51.100.7/,            198.51.100.7:80",
        "http://198.51.100.7:8080/,       198.51.100.7:8080",
        "http://[2001:db8:100::7]:8080/,  [2001:db8:100::7]:8080",
    })
    void carriesEveryConnectionToTheOneFixedSocket(String url, String dst) {
        Curl.Result curl = Curl.get(fixed, url);

        assertEquals(0, curl.exit(), "curl failed: " + curl.stderr());
        assertEquals(nginx.body(80), curl.body());
        assertAudited(curl, "fixed", dst, "app", 80);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "http://198.51.100.7/,            198.51.100.7:80,        80",
        "http://198.51.100.7:8080/,       198.51.100.7:8080,      8080",
        "http://[2001:db8:100::7]:8080/,  [2001:db8:100::7]:8080, 8080",
    })
    void picksTheSocketByTheDestinationPort(String url, String dst, int port) {
        Curl.Result curl = Curl.get(perPort, url);

        assertEquals(0, curl.exit(), "curl failed: " + curl.stderr());
        assertEquals(nginx.body(port), curl.body());
        assertAudited(curl, "per-port", dst, "per-port", port);
    }

    /** Checks the connection's audit line; {@code socketPort} names the socket it reached. */
    private static void assertAudited(Curl.Result curl, String listener, String dst, String sink,
            int socketPort) {
        AuditLine audit = urelay.awaitAudit(AUDIT_LIMIT, "for client " + curl.client(),
                line -> line.hasClientPort(curl.localPort())
                        && listener.equals(line.get("listener")) && dst.equals(line.get("dst")));
        assertAll(audit.raw(),
                () -> assertEquals(curl.client(), audit.get("client")),
                () -> assertEquals(sink, audit.get("sink")),
                () -> assertEquals("unix:" + nginx.socket(socketPort), audit.get("upstream")),
                () -> assertEquals("ok", audit.get("outcome")),
                () -> assertTrue(audit.number("up_bytes") > 0),
                () -> assertTrue(audit.number("down_bytes") > nginx.body(socketPort).length()));
    }
}
