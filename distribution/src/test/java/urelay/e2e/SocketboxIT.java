// SPDX-License-Identifier: Apache-2.0
package urelay.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsclub.lib.junixsocket.common.NarMetadata;
import org.newsclub.net.unix.AFUNIXSocket;
import urelay.e2e.harness.AuditLine;
import urelay.e2e.harness.Cleanup;
import urelay.e2e.harness.Command;
import urelay.e2e.harness.Configs;
import urelay.e2e.harness.Curl;
import urelay.e2e.harness.EndToEnd;
import urelay.e2e.harness.Image;
import urelay.e2e.harness.JavaPeer;
import urelay.e2e.harness.Netns;
import urelay.e2e.harness.Nginx;
import urelay.e2e.harness.TempDirs;
import urelay.e2e.harness.Topology;
import urelay.e2e.harness.UrelayProcess;
import urelay.e2e.harness.Wait;
import urelay.e2e.peers.SocketboxSender;

/**
 * The test plays a socketbox-style acceptor: a sender in the private namespace accepts curl's
 * connection to 198.51.100.7:80 (every address is local there) and passes the accepted socket
 * over urelay's Unix socket. urelay, in the host namespace, relays it to nginx in the server
 * namespace, reading the original destination from the socket it was handed.
 */
@EndToEnd(tools = {"nginx", "curl"})
class SocketboxIT {

    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final int PORT = 80;

    private static final Cleanup CLEANUP = new Cleanup();
    private static Topology net;
    private static Nginx nginx;
    private static Netns lan;
    private static Path socket;
    private static UrelayProcess urelay;

    @BeforeAll
    static void startRelay() {
        net = CLEANUP.add(Topology.create());
        lan = net.addPrivate("sbox");
        nginx = CLEANUP.add(Nginx.start(net.server(), List.of(Topology.SERVER_V4), List.of(PORT)));
        Path dir = TempDirs.create("socketbox");
        CLEANUP.add((AutoCloseable) () -> TempDirs.delete(dir));
        socket = dir.resolve("urelay.sock");

        String source = "{ type: socketbox, path: %s, mode: \"0660\", capture: local }".formatted(socket);
        urelay = CLEANUP.add(UrelayProcess.run(net.host(),
                Configs.config("plain", Configs.listener("boxed", source, "      - sink: out\n")), List.of()));
        Wait.until(LIMIT, () -> "urelay's socket at " + socket + urelay.describe(), () -> {
            if (!urelay.isAlive()) {
                throw new AssertionError("urelay exited early" + urelay.describe());
            }
            return Files.exists(socket, LinkOption.NOFOLLOW_LINKS);
        });
    }

    @AfterAll
    static void stopRelay() {
        CLEANUP.close();
    }

    @Test
    void listensOnASocketFileWithTheConfiguredMode() throws Exception {
        BasicFileAttributes attributes = Files.readAttributes(socket, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);

        assertTrue(attributes.isOther(), "not a socket: " + socket);
        assertEquals(PosixFilePermissions.fromString("rw-rw----"), Files.getPosixFilePermissions(socket));
    }

    @Test
    void relaysEveryConnectionASenderPassesToItsOriginalDestination() {
        try (JavaPeer sender = JavaPeer.start(lan, senderCommand("pass", socket.toString(),
                String.valueOf(PORT), "2"))) {
            sender.awaitReady(LIMIT);

            for (int request = 0; request < 2; request++) {
                assertRelayed(Curl.get(lan, "http://198.51.100.7/"));
            }
            Command.Result passed = sender.awaitExit(LIMIT);
            assertEquals(0, passed.exit(), passed.err());
        }
    }

    @Test
    void cutsOffASenderThatPassesSomethingElseAndServesTheOthers() {
        try (JavaPeer bad = JavaPeer.start(lan, senderCommand("garbage", socket.toString()));
                JavaPeer good = JavaPeer.start(lan, senderCommand("pass", socket.toString(),
                        String.valueOf(PORT), "1"))) {
            Command.Result cutOff = bad.awaitExit(LIMIT);
            good.awaitReady(LIMIT);

            assertEquals(0, cutOff.exit(), cutOff.out() + cutOff.err() + urelay.describe());
            Wait.until(LIMIT, () -> "urelay's warning about the sender" + urelay.describe(),
                    () -> urelay.stderr().contains("sender refused"));
            assertRelayed(Curl.get(lan, "http://198.51.100.7/"));
            assertEquals(0, good.awaitExit(LIMIT).exit());
        }
    }

    private static void assertRelayed(Curl.Result curl) {
        assertEquals(0, curl.exit(), "curl failed: " + curl.stderr() + urelay.describe());
        assertEquals(nginx.body(PORT), curl.body());
        AuditLine audit = urelay.awaitAudit(Duration.ofSeconds(10), "for " + curl.client(),
                line -> curl.client().equals(line.get("client")));
        assertAll(audit.raw(),
                () -> assertEquals("boxed", audit.get("listener")),
                () -> assertEquals("198.51.100.7:80", audit.get("dst")),
                () -> assertEquals("out", audit.get("sink")),
                () -> assertEquals("ok", audit.get("outcome")));
    }

    private static List<String> senderCommand(String... args) {
        return Image.peerCommand(SocketboxSender.class, List.of(AFUNIXSocket.class, NarMetadata.class), args);
    }
}
