// SPDX-License-Identifier: Apache-2.0
package urelay.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import urelay.e2e.harness.AuditLine;
import urelay.e2e.harness.Cleanup;
import urelay.e2e.harness.Configs;
import urelay.e2e.harness.Curl;
import urelay.e2e.harness.EndToEnd;
import urelay.e2e.harness.Image;
import urelay.e2e.harness.Netns;
import urelay.e2e.harness.Nginx;
import urelay.e2e.harness.TempDirs;
import urelay.e2e.harness.Topology;
import urelay.e2e.harness.UrelayProcess;
import urelay.e2e.peers.FdLauncher;

/**
 * urelay adopts a listening socket made by someone else in the private namespace: once the
 * way ctrtool passes it (a variable holding the descriptor number) and once the way
 * systemd does (LISTEN_FDS from descriptor 3, LISTEN_PID, LISTEN_FDNAMES).
 */
@EndToEnd(tools = {"nginx", "curl", "systemd-socket-activate"})
class FdSourceIT {

    private static final int PORT = 80;
    private static final String CTRTOOL_VARIABLE = "CTRTOOL_NS_OPEN_FILE_FD_100";

    private static final Cleanup CLEANUP = new Cleanup();
    private static Topology net;
    private static Nginx nginx;

    @BeforeAll
    static void startServer() {
        net = CLEANUP.add(Topology.create());
        nginx = CLEANUP.add(Nginx.start(net.server(), List.of(Topology.SERVER_V4), List.of(PORT)));
    }

    @AfterAll
    static void stopServer() {
        CLEANUP.close();
    }

    @Test
    void relaysThroughASocketNamedByTheCtrtoolVariable() {
        Netns lan = net.addPrivate("ctrtool");
        Path dir = TempDirs.create("urelay-fd");
        Path config = UrelayProcess.writeConfig(dir, fdConfig("ctrtool",
                "{ type: fd, env: " + CTRTOOL_VARIABLE + " }"));

        List<String> launch = net.host().command(Image.peerCommand(FdLauncher.class,
                lan.path().toString(), String.valueOf(PORT), CTRTOOL_VARIABLE,
                Image.launcher().toString(), "run", "--config", config.toString()));
        try (UrelayProcess urelay = UrelayProcess.start(launch, dir)) {
            lan.awaitListening(Duration.ofSeconds(30), PORT);

            assertRelayed(urelay, lan, "ctrtool");
        }
    }

    @Test
    void relaysThroughASocketPassedBySystemdSocketActivation() {
        Netns lan = net.addPrivate("systemd");
        Path dir = TempDirs.create("urelay-fd");
        Path config = UrelayProcess.writeConfig(dir, fdConfig("activated",
                "{ type: fd, systemd: true, names: [web] }"));

        // systemd-socket-activate binds in the private namespace, then execs ip netns exec,
        // which execs urelay in the host namespace: one process id all along, as LISTEN_PID
        // requires.
        List<String> launch = new ArrayList<>(List.of("systemd-socket-activate",
                "--listen=" + PORT, "--fdname=web", "ip", "netns", "exec", net.host().name()));
        launch.addAll(Image.urelayCommand("run", "--config", config.toString()));
        try (UrelayProcess urelay = UrelayProcess.start(lan.command(launch), dir)) {
            lan.awaitListening(Duration.ofSeconds(30), PORT);

            assertRelayed(urelay, lan, "activated");
        }
    }

    private static void assertRelayed(UrelayProcess urelay, Netns lan, String listener) {
        Curl.Result curl = Curl.get(lan, "http://198.51.100.7/");

        assertEquals(0, curl.exit(), "curl failed: " + curl.stderr() + urelay.describe());
        assertEquals(nginx.body(PORT), curl.body());
        AuditLine audit = urelay.awaitAudit(Duration.ofSeconds(10), "for " + curl.client(),
                line -> line.hasClientPort(curl.localPort()));
        assertAll(audit.raw(),
                () -> assertEquals(curl.client(), audit.get("client")),
                () -> assertEquals(listener, audit.get("listener")),
                () -> assertEquals("198.51.100.7:80", audit.get("dst")),
                () -> assertEquals("ok", audit.get("outcome")));
    }

    private static String fdConfig(String listener, String source) {
        return Configs.config("json", Configs.listener(listener, source, "      - sink: out\n"));
    }
}
