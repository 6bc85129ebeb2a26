// SPDX-License-Identifier: Apache-2.0
package urelay.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import urelay.e2e.harness.Cleanup;
import urelay.e2e.harness.Command;
import urelay.e2e.harness.Configs;
import urelay.e2e.harness.EndToEnd;
import urelay.e2e.harness.Image;
import urelay.e2e.harness.Netns;
import urelay.e2e.harness.TempDirs;
import urelay.e2e.harness.UrelayProcess;

/**
 * {@code urelay check} rejects a bad config with exit code 2 and one line on stderr that
 * names the file; {@code urelay run} rejects it the same way before opening anything, and
 * exits 1 naming the listener and namespace when a port it needs was taken meanwhile.
 *
 * <p>urelay runs inside a namespace of the test, so a listener opened by mistake could
 * only ever appear there, where the test looks for it.
 */
@EndToEnd
class CheckCommandIT {

    private static final int PORT = 8081;
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private static final Cleanup CLEANUP = new Cleanup();
    private static Netns host;
    private static Netns lan;
    private static Path dir;

    @BeforeAll
    static void createNamespaces() {
        host = CLEANUP.add(Netns.create("chkhost"));
        lan = CLEANUP.add(Netns.create("chklan"));
        lan.addLocalRoutes();
        dir = TempDirs.create("check");
        CLEANUP.add(() -> TempDirs.delete(dir));
    }

    @AfterAll
    static void removeNamespaces() {
        CLEANUP.close();
    }

    static Stream<Arguments> badConfigs() {
        String good = goodConfig();
        return Stream.of(
                Arguments.of("broken-yaml", "listeners:\n  - name: [unclosed\n"),
                Arguments.of("unknown-type", good.replace("type: transparent", "type: teleport")),
                Arguments.of("port-zero", good.replace("ports: [" + PORT + "]", "ports: [0]")),
                Arguments.of("port-too-big", good.replace("ports: [" + PORT + "]",
                        "ports: [70000]")),
                Arguments.of("missing-sink", good.replace("- sink: out", "- sink: nowhere")),
                Arguments.of("unknown-key", good.replace("    routes:",
                        "    colour: blue\n    routes:")));
    }

    @Test
    void acceptsTheGoodConfigTheBadOnesAreMadeFrom() {
        Command.Result check = check("good", goodConfig());

        assertEquals(0, check.exit(), check.err());
        assertFalse(lan.listens(PORT));
    }

    @Test
    void acceptsEveryRouteKeyBindBlocksAndDefaultPortsWithTheShippedPlugins() {
        String routes = """
                      - match: { listener: lan, client-cidr: ["192.0.2.0/24"], domain: [.example.org], port: 443 }
                        rewriters: [ { type: ip-rewrite, mode: nat64 } ]
                        bind: { address: "2001:db8::1", interface: eth0, fwmark: 0x20, freebind: true }
                        allow: ["127.0.0.1/32", "::1"]
                        sink: [out, spare]
                      - bind: { transparent: client, fwmark: "16" }
                        sink: out
                """;
        String source = "{ type: transparent, netns: %s, ports: [default, %d] }".formatted(lan.path(), PORT);
        String yaml = Configs.config("json", Configs.listener("lan", source, routes))
                .replace("sinks:\n", "sinks:\n  spare: { type: direct, bind: { interface: eth1 } }\n");

        Command.Result check = check("every-key", yaml);

        assertEquals(0, check.exit(), check.err());
        assertFalse(lan.listens(PORT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigs")
    void rejectsABadConfigWithExitCodeTwoAndOneLineNamingTheFile(String name, String yaml) {
        Command.Result check = check(name, yaml);

        List<String> lines = check.err().lines().filter(line -> !line.isBlank()).toList();
        assertAll("stderr: " + check.err(),
                () -> assertEquals(2, check.exit()),
                () -> assertEquals(1, lines.size()),
                () -> assertTrue(lines.getFirst().contains(name + ".yaml")));
        assertFalse(lan.listens(PORT));
    }

    @Test
    void namesBothListenersThatWouldBindOneSocketFile() {
        String socket = dir.resolve("box.sock").toString();
        String yaml = Configs.config("plain",
                Configs.listener("first", "{ type: socketbox, path: %s }".formatted(socket), "      - sink: out\n"),
                Configs.listener("second", "{ type: socketbox, path: %s, socket: stream }".formatted(socket),
                        "      - sink: out\n"));

        Command.Result check = check("one-socket-file", yaml);

        assertEquals(2, check.exit(), check.err());
        assertTrue(check.err().contains("listener \"second\" would bind the socket file " + socket
                + ", which listener \"first\" already binds; give each listener its own path"), check.err());
        assertFalse(Files.exists(Path.of(socket)), "check made the socket file");
    }

    @Test
    void runExitsWithTwoOnABadConfigAndLeavesItsPortUnbound() {
        Path config = write("run-missing-sink", goodConfig().replace("- sink: out",
                "- sink: nowhere"));

        List<String> command = host.command(Image.urelayCommand("run", "--config",
                config.toString()));
        try (UrelayProcess run = UrelayProcess.start(command, TempDirs.create("run"))) {
            assertEquals(2, run.awaitExit(LIMIT), run.describe());
            assertTrue(run.stderr().contains("run-missing-sink.yaml"), run.describe());
        }
        assertFalse(lan.listens(PORT));
    }

    @Test
    void checkNamesBothListenersThatWouldTakeOnePortInOneNamespace() {
        String yaml = Configs.config("plain",
                Configs.transparentListener("first", lan, PORT), Configs.transparentListener("second", lan, PORT));

        Command.Result check = check("one-port", yaml);

        assertEquals(2, check.exit(), check.err());
        assertEquals(List.of(dir.resolve("one-port.yaml") + ":9:13: listeners[1].source: listener \"second\" would"
                + " listen on [::]:" + PORT + " in namespace " + lan.path() + ", which listener \"first\" already"
                + " takes with [::]:" + PORT + "; give each listener its own ports or addresses there"),
                check.err().lines().toList());
        assertFalse(lan.listens(PORT));
    }

    @Test
    void runThatFindsItsPortTakenExitsWithOneNamingListenerAndNamespace() {
        String yaml = Configs.config("plain", Configs.transparentListener("holder", lan, PORT));
        try (UrelayProcess holder = UrelayProcess.run(host, yaml, List.of(lan), PORT)) {
            Path config = write("late", yaml.replace("name: holder", "name: late"));
            try (UrelayProcess late = UrelayProcess.start(host.command(Image.urelayCommand("run", "--config",
                    config.toString())), TempDirs.create("late"))) {

                assertEquals(1, late.awaitExit(LIMIT), late.describe());
                assertEquals(List.of("urelay: cannot start: listener late: bind [::]:" + PORT + " in namespace "
                        + lan.path() + ": EADDRINUSE (Address already in use)"),
                        late.stderr().lines().filter(line -> line.startsWith("urelay:")).toList());
            }
            assertTrue(holder.isAlive(), holder.describe());
        }
    }

    private static Command.Result check(String name, String yaml) {
        Path config = write(name, yaml);
        return Command.run(LIMIT, host.command(Image.urelayCommand("check", "--config",
                config.toString())));
    }

    private static Path write(String name, String yaml) {
        Path config = dir.resolve(name + ".yaml");
        try {
            return Files.writeString(config, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String goodConfig() {
        return Configs.config("json", Configs.transparentListener("lan", lan, PORT));
    }
}
