// SPDX-License-Identifier: Apache-2.0
package urelay.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import urelay.e2e.harness.AuditLine;
import urelay.e2e.harness.Cleanup;
import urelay.e2e.harness.Command;
import urelay.e2e.harness.Configs;
import urelay.e2e.harness.Curl;
import urelay.e2e.harness.DocSnippets;
import urelay.e2e.harness.EndToEnd;
import urelay.e2e.harness.Image;
import urelay.e2e.harness.Netns;
import urelay.e2e.harness.Nginx;
import urelay.e2e.harness.TempDirs;
import urelay.e2e.harness.Topology;
import urelay.e2e.harness.UrelayProcess;
import urelay.e2e.harness.Wait;

/**
 * The guard keeps clients away from the host urelay runs on. nginx serves the host
 * namespace's own {@code 127.0.0.1:22} and {@code 198.51.100.1:80}, and urelay itself listens
 * on {@code 198.51.100.1:7000} there (listener {@code host-side}, without {@code netns}), so
 * each of those destinations would answer if urelay connected to it. Clients in {@code lan}
 * ask for them and are reset; clients in {@code trusted}, whose route has
 * {@code allow: ["127.0.0.1/32"]}, reach {@code 127.0.0.1:22}. {@code urelay explain}, run in
 * the host namespace on the same config, gives the same verdicts, except that it cannot see
 * urelay's listening sockets and so names the loop an own address.
 */
@EndToEnd(tools = {"nginx", "curl"})
class GuardIT {

    private static final int SSH_PORT = 22;
    private static final int LOOP_PORT = 7000;
    private static final Duration AUDIT_LIMIT = Duration.ofSeconds(10);
    private static final Duration LISTEN_LIMIT = Duration.ofSeconds(30);
    private static final Duration EXPLAIN_LIMIT = Duration.ofSeconds(60);

    private static final Cleanup CLEANUP = new Cleanup();
    private static Topology net;
    private static Nginx hostServer;
    private static Netns lan;
    private static Netns trusted;
    private static Path config;
    private static UrelayProcess urelay;

    @BeforeAll
    static void startRelay() {
        net = CLEANUP.add(Topology.create());
        lan = net.addPrivate("lan");
        trusted = net.addPrivate("trusted");
        hostServer = CLEANUP.add(Nginx.start(net.host(), List.of("127.0.0.1", Topology.HOST_V4),
                List.of(SSH_PORT, 80)));

        String yaml = Configs.config("json",
                Configs.listener("lan", Configs.transparentSource(lan, SSH_PORT, 80, LOOP_PORT),
                        "      - sink: out\n"),
                Configs.listener("trusted", Configs.transparentSource(trusted, SSH_PORT), """
                              - allow: ["127.0.0.1/32"]
                                sink: out
                        """),
                Configs.listener("host-side", """
                        { type: transparent, address: "%s", ports: [%d] }"""
                        .formatted(Topology.HOST_V4, LOOP_PORT), "      - sink: out\n"));
        Path dir = TempDirs.create("guard");
        CLEANUP.add(() -> TempDirs.delete(dir));
        config = UrelayProcess.writeConfig(dir, yaml);

        urelay = CLEANUP.add(UrelayProcess.run(net.host(), yaml, List.of(lan), SSH_PORT, 80,
                LOOP_PORT));
        trusted.awaitListening(LISTEN_LIMIT, SSH_PORT);
        net.host().awaitListening(LISTEN_LIMIT, LOOP_PORT);
    }

    @AfterAll
    static void stopRelay() {
        CLEANUP.close();
    }

    @ParameterizedTest(name = "{0} is {2}")
    @CsvSource({
        "http://127.0.0.1:22/,        127.0.0.1:22,        forbidden:loopback",
        "http://[::1]:22/,            [::1]:22,            forbidden:loopback",
        "http://198.51.100.1/,        198.51.100.1:80,     forbidden:own-address",
        "http://[2001:db8:100::1]/,   [2001:db8:100::1]:80, forbidden:own-address",
    })
    void resetsClientsThatAskForTheHostItself(String url, String dst, String guard) {
        Fetch fetch = fetch(lan, "lan", url, dst, "-v");

        Curl.Result curl = fetch.curl();
        assertTrue(curl.wasReset(), "curl exit " + curl.exit() + ": " + curl.stderr());
        AuditLine audit = fetch.audit();
        assertAll(audit.raw(),
                () -> assertEquals(dst, audit.get("dst")),
                () -> assertEquals(dst, audit.get("final")),
                () -> assertEquals("forbidden", audit.get("outcome")),
                () -> assertEquals(guard, audit.get("guard")),
                () -> assertNull(audit.get("upstream")),
                () -> assertEquals(0, audit.number("down_bytes")));
    }

    @Test
    void resetsClientsThatAskForUrelaysOwnListeningSocket() {
        String dst = Topology.HOST_V4 + ":" + LOOP_PORT;
        Fetch fetch = fetch(lan, "lan", "http://" + dst + "/", dst, "-v");

        Curl.Result curl = fetch.curl();
        assertTrue(curl.wasReset(), "curl exit " + curl.exit() + ": " + curl.stderr());
        AuditLine audit = fetch.audit();
        assertAll(audit.raw(),
                () -> assertEquals(dst, audit.get("dst")),
                () -> assertEquals("forbidden", audit.get("outcome")),
                () -> assertEquals("forbidden:loop", audit.get("guard")));
        // The guard refuses before any sink connects, so the host-side listener never
        // accepted a connection and wrote no line of its own.
        assertTrue(urelay.audit().stream()
                        .noneMatch(line -> "host-side".equals(line.get("listener"))),
                () -> "audit lines: " + urelay.stdoutLines());
    }

    @Test
    void carriesALoopbackDestinationWhenTheRouteAllowsIt() {
        Fetch fetch = fetch(trusted, "trusted", "http://127.0.0.1:22/", "127.0.0.1:22");

        Curl.Result curl = fetch.curl();
        assertEquals(0, curl.exit(), "curl failed: " + curl.stderr());
        assertEquals(hostServer.body(SSH_PORT), curl.body());
        AuditLine audit = fetch.audit();
        assertAll(audit.raw(),
                () -> assertEquals("127.0.0.1:22", audit.get("final")),
                () -> assertEquals("ok", audit.get("outcome")),
                () -> assertEquals("allowed:127.0.0.1/32(loopback)", audit.get("guard")));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource(delimiter = '|', value = {
        "lan     | 127.0.0.1:22    | refuses (loopback)    | forbidden (guard: loopback",
        "lan     | 198.51.100.1:80 | refuses (own-address) | forbidden (guard: own-address",
        "trusted | 127.0.0.1:22    | would refuse (loopback), opened by allow 127.0.0.1/32"
                + "| connects to 127.0.0.1:22 through out",
    })
    void explainGivesTheGuardsVerdict(String listener, String dst, String verdict,
            String result) {
        List<String> lines = explain(listener, dst);

        assertAll(String.join("\n", lines),
                () -> assertTrue(lines.contains("guard: " + verdict)),
                () -> assertTrue(lines.stream().anyMatch(line -> line.startsWith(
                        "result: " + result))));
    }

    @Test
    void explainJudgesUrelaysOwnSocketAsAnOwnAddressAndSaysItLeavesTheLoopCheckOut() {
        List<String> lines = explain("lan", Topology.HOST_V4 + ":" + LOOP_PORT);

        assertAll(String.join("\n", lines),
                () -> assertTrue(lines.contains("guard: refuses (own-address)")),
                () -> assertTrue(lines.stream().anyMatch(line -> line.startsWith("note: ")
                        && line.contains("loop check"))));
    }

    @Test
    void explainPrintsWhatTheGuardPageShowsForAForbiddenDestination() {
        List<String> block = DocSnippets.get("guard.md", "explain-forbidden", "urelay.yaml",
                config.toString()).lines().toList();
        String typed = block.getFirst();
        assertTrue(typed.startsWith("$ urelay explain "), typed);

        List<String> args = List.of(typed.substring("$ urelay ".length()).split(" "));
        assertEquals(block.subList(1, block.size()), run(args));
    }

    /** Runs {@code urelay explain} in the host namespace, where the guard's own addresses are. */
    private static List<String> explain(String listener, String dst) {
        return run(List.of("explain", "--config", config.toString(), "--listener", listener,
                "--dest", dst));
    }

    /** Runs {@code urelay args...} in the host namespace and returns its output lines. */
    private static List<String> run(List<String> args) {
        Command.Result run = Command.run(EXPLAIN_LIMIT,
                net.host().command(Image.urelayCommand(args.toArray(String[]::new))));
        assertEquals(0, run.exit(), "urelay " + args + " failed: " + run.out() + run.err());
        return run.out().lines().toList();
    }

    /**
     * Runs curl in {@code side} and returns it with the audit line of its connection: the
     * first new line of {@code listener} for {@code dst}, and of curl's port when curl knows
     * it (a reset that ends curl's connect leaves it without one).
     */
    private static Fetch fetch(Netns side, String listener, String url, String dst,
            String... options) {
        int before = urelay.audit().size();
        Curl.Result curl = Curl.get(side, url, options);

        Predicate<AuditLine> match = line -> listener.equals(line.get("listener"))
                && dst.equals(line.get("dst"))
                && (curl.localPort() == 0 || line.hasClientPort(curl.localPort()));
        Wait.until(AUDIT_LIMIT, () -> "audit line of " + listener + " for " + dst
                + urelay.describe(), () -> newLine(before, match).isPresent());
        AuditLine audit = newLine(before, match).orElseThrow();
        if (curl.localPort() > 0) {
            assertEquals(curl.client(), audit.get("client"), audit.raw());
        }
        return new Fetch(curl, audit);
    }

    private static Optional<AuditLine> newLine(int before, Predicate<AuditLine> match) {
        List<AuditLine> lines = urelay.audit();
        return lines.subList(before, lines.size()).stream().filter(match).findFirst();
    }

    /** A curl run and the audit line of its connection. */
    private record Fetch(Curl.Result curl, AuditLine audit) {
    }
}
