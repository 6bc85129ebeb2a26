// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.harness;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

/**
 * The checks the capture tests share: curl in the {@link Gateway}'s client fetches nginx's
 * page from the server over IPv4 and IPv6, and urelay's audit line for each connection
 * names the client and the destination it asked for.
 */
public final class ThroughGateway {

    /** The port nginx listens on in the server namespace. */
    public static final int SERVER_PORT = 8443;

    private static final Duration AUDIT_LIMIT = Duration.ofSeconds(10);

    private ThroughGateway() {
    }

    /** The URLs curl fetches, one per family. */
    public static List<String> urls() {
        return List.of("http://" + Gateway.SERVER_V4 + ":" + SERVER_PORT + "/",
                "http://[" + Gateway.SERVER_V6 + "]:" + SERVER_PORT + "/");
    }

    /** Starts nginx on both server addresses, port {@link #SERVER_PORT}. */
    public static Nginx startServer(Gateway net) {
        return Nginx.start(net.server(), List.of(Gateway.SERVER_V4, "[" + Gateway.SERVER_V6 + "]"),
                List.of(SERVER_PORT));
    }

    /**
     * Fetches both URLs from the client and checks the pages and the audit lines, which must
     * come from {@code listener} with the destination the client used.
     */
    public static void fetchesBothFamilies(Gateway net, Nginx nginx, UrelayProcess urelay, String listener) {
        List<String> clients = List.of(Gateway.CLIENT_V4, Gateway.CLIENT_V6);
        List<String> destinations = List.of(Gateway.SERVER_V4 + ":" + SERVER_PORT,
                "[" + Gateway.SERVER_V6 + "]:" + SERVER_PORT);

        for (int i = 0; i < 2; i++) {
            Curl.Result curl = Curl.get(net.client(), urls().get(i));
            assertEquals(0, curl.exit(), "curl " + urls().get(i) + " failed: " + curl.stderr());
            assertEquals(nginx.body(SERVER_PORT), curl.body());
            assertEquals(clients.get(i), curl.localIp());

            String destination = destinations.get(i);
            AuditLine audit = urelay.awaitAudit(AUDIT_LIMIT, "for client port " + curl.localPort(),
                    line -> line.hasClientPort(curl.localPort()));
            assertAll(audit.raw(),
                    () -> assertEquals(curl.client(), audit.get("client")),
                    () -> assertEquals(listener, audit.get("listener")),
                    () -> assertEquals(destination, audit.get("dst")),
                    () -> assertEquals(destination, audit.get("upstream")),
                    () -> assertEquals("ok", audit.get("outcome")),
                    () -> assertTrue(audit.number("down_bytes") > 0));
        }
    }

    /** Checks that without a capture rule the client reaches nothing: the gateway does not forward. */
    public static void nothingGetsThroughUncaptured(Gateway net) {
        for (String url : urls()) {
            Curl.Result curl = Curl.get(net.client(), url, "--connect-timeout", "2");
            assertNotEquals(0, curl.exit(), "reached " + url + " without a capture rule: " + curl.body());
        }
    }
}
