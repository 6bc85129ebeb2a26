// SPDX-License-Identifier: Apache-2.0
package urelay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import urelay.e2e.harness.Cleanup;
import urelay.e2e.harness.Command;
import urelay.e2e.harness.Curl;
import urelay.e2e.harness.EndToEnd;
import urelay.e2e.harness.Image;
import urelay.e2e.harness.JavaPeer;
import urelay.e2e.harness.Netns;
import urelay.e2e.harness.Nginx;
import urelay.e2e.harness.Topology;
import urelay.e2e.peers.FdLauncher;
import urelay.e2e.peers.HalfCloseClient;
import urelay.e2e.peers.HalfCloseServer;
import urelay.e2e.peers.Payload;

/**
 * Checks the harness itself, without urelay: the namespaces, nginx, curl, the Java peers
 * and the two ways of handing over a listening socket. When these pass and an urelay test
 * fails, the fault is in urelay.
 */
@EndToEnd(tools = {"nginx", "curl", "systemd-socket-activate"})
class HarnessIT {

    private static final Cleanup CLEANUP = new Cleanup();
    private static Topology net;
    private static Nginx nginx;

    @BeforeAll
    static void buildNetwork() {
        net = CLEANUP.add(Topology.create());
        nginx = CLEANUP.add(Nginx.start(net.server(),
                List.of(Topology.SERVER_V4, "[" + Topology.SERVER_V6 + "]"), List.of(80, 8080)));
    }

    @AfterAll
    static void removeNetwork() {
        CLEANUP.close();
    }

    @Test
    void nginxAnswersOverTheVethOnBothFamiliesAndPorts() {
        for (String host : List.of(Topology.SERVER_V4, "[" + Topology.SERVER_V6 + "]")) {
            for (int port : List.of(80, 8080)) {
                Curl.Result result = Curl.get(net.host(), "http://" + host + ":" + port + "/");

                assertEquals(0, result.exit(), result.stderr());
                assertEquals(nginx.body(port), result.body());
            }
        }
    }

    @Test
    void privateNamespaceAcceptsConnectionsToAnyAddressOnOneListener() {
        Netns side = net.addPrivate("anyaddr");
        byte[] request = "any address".getBytes();

        try (JavaPeer server = JavaPeer.start(side, HalfCloseServer.class, "::", "8000", "1000")) {
            server.awaitReady(Duration.ofSeconds(30));
            Command.Result client = JavaPeer.start(side, HalfCloseClient.class,
                    "203.0.113.5", "8000", "any address").awaitExit(Duration.ofSeconds(60));

            String expected = "received=" + (1000 + request.length) + " sha256="
                    + Payload.sha256(Payload.pattern(1000), request);
            assertTrue(client.out().contains(expected), client.out() + client.err());
        }
    }

    @Test
    void fdLauncherHandsAListeningSocketFromThePrivateNamespaceToAProgramInTheHost() {
        Netns side = net.addPrivate("fdlaunch");
        String script = "readlink /proc/$$/fd/$URELAY_TEST_FD; readlink /proc/$$/ns/net";

        Command.Result run = Command.run(Duration.ofSeconds(60), net.host().command(
                Image.peerCommand(FdLauncher.class, side.path().toString(), "8001",
                        "URELAY_TEST_FD", "/bin/sh", "-c", script))).orThrow();

        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("socket:["), run.out());
        assertEquals("net:[" + net.host().inode() + "]", lines.get(1));
    }

    @Test
    void socketActivationWrappedInNetnsExecRunsTheProgramInTheHostWithItsOwnPid()
            throws Exception {
        Netns side = net.addPrivate("sdact");
        Path out = Files.createTempFile("urelay-e2e-sdact", ".txt");
        String script = "echo $LISTEN_FDS $LISTEN_FDNAMES $LISTEN_PID $$"
                + " $(readlink /proc/$$/ns/net) > " + out;

        try (Cleanup cleanup = new Cleanup()) {
            cleanup.add(() -> Files.deleteIfExists(out));
            Process activate = Command.start(Command.builder(side.command(
                    "systemd-socket-activate", "-l", "8002", "--fdname=web",
                    "ip", "netns", "exec", net.host().name(), "/bin/sh", "-c", script)));
            cleanup.add(() -> Command.kill(activate));
            side.awaitListening(Duration.ofSeconds(20), 8002);

            // systemd-socket-activate starts the program on the first connection.
            Curl.get(side, "http://127.0.0.1:8002/", "--max-time", "2");
            assertTrue(activate.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));

            String[] fields = Files.readString(out).trim().split(" ");
            assertEquals("1", fields[0]);
            assertEquals("web", fields[1]);
            assertEquals(fields[2], fields[3], "LISTEN_PID must be the program's pid");
            assertEquals("net:[" + net.host().inode() + "]", fields[4]);
        }
    }

    @Test
    void closingANamespaceDeletesIt() {
        Netns netns = Netns.create("gone");
        netns.close();

        String list = Command.check("ip", "netns", "list").out();
        assertFalse(list.contains(netns.name()), list);
    }
}
