// SPDX-License-Identifier: Apache-2.0
package urelay.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
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
 * Two private networks that use the same addresses are served by one urelay with a
 * listener each; their connections stay apart because each listener lives in its own
 * namespace.
 */
@EndToEnd(tools = {"nginx", "curl"})
class OverlappingNetworksIT {

    private static final String CLIENT_ADDRESS = "192.0.2.10";

    private static final Cleanup CLEANUP = new Cleanup();
    private static Topology net;
    private static Netns alpha;
    private static Netns beta;
    private static UrelayProcess urelay;

    @BeforeAll
    static void startRelay() {
        net = CLEANUP.add(Topology.create());
        alpha = net.addPrivate("alpha");
        beta = net.addPrivate("beta");
        // The same client address in both; on lo because not every kernel has dummy links.
        for (Netns side : List.of(alpha, beta)) {
            side.addAddress("lo", CLIENT_ADDRESS + "/32");
        }
        CLEANUP.add(Nginx.start(net.server(), List.of(Topology.SERVER_V4), List.of(80)));
        urelay = CLEANUP.add(UrelayProcess.run(net.host(), Configs.config("json",
                        Configs.transparentListener("alpha", alpha, 80),
                        Configs.transparentListener("beta", beta, 80)),
                List.of(alpha, beta), 80));
    }

    @AfterAll
    static void stopRelay() {
        CLEANUP.close();
    }

    @Test
    void relaysBothNetworksAtOnceAndAuditsEachUnderItsListener() throws Exception {
        // The rate limit stretches each download over about two seconds, so they overlap.
        List<Curl.Result> results = inParallel(List.of(alpha, beta), side -> Curl.get(side,
                "http://198.51.100.7/big.bin", "--interface", CLIENT_ADDRESS,
                "--limit-rate", "256k"));

        for (Curl.Result curl : results) {
            assertEquals(0, curl.exit(), "curl failed: " + curl.stderr());
            assertEquals(Nginx.BIG_SIZE, curl.body().length());
            assertEquals(CLIENT_ADDRESS, curl.localIp());
        }
        AuditLine fromAlpha = auditOf("alpha", results.get(0));
        AuditLine fromBeta = auditOf("beta", results.get(1));
        assertNotEquals(fromAlpha.get("id"), fromBeta.get("id"));
    }

    private static AuditLine auditOf(String listener, Curl.Result curl) {
        AuditLine audit = urelay.awaitAudit(Duration.ofSeconds(10),
                "from " + listener + " for client " + curl.client(),
                line -> listener.equals(line.get("listener"))
                        && line.hasClientPort(curl.localPort()));
        assertAll(audit.raw(),
                () -> assertEquals(curl.client(), audit.get("client")),
                () -> assertEquals("198.51.100.7:80", audit.get("dst")),
                () -> assertEquals("ok", audit.get("outcome")),
                () -> assertTrue(audit.number("down_bytes") >= Nginx.BIG_SIZE));
        return audit;
    }

    private static List<Curl.Result> inParallel(List<Netns> sides,
            Function<Netns, Curl.Result> fetch)
            throws InterruptedException, ExecutionException, TimeoutException {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Curl.Result>> futures = sides.stream()
                    .map(side -> pool.submit(() -> fetch.apply(side)))
                    .toList();
            List<Curl.Result> results = new ArrayList<>();
            for (Future<Curl.Result> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        }
    }
}
