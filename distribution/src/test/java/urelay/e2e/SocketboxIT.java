// SPDX-License-Identifier: Apache-2.0
package urelay.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
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
import urelay.e2e.harness.Daemon;
import urelay.e2e.harness.DocSnippets;
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
 * connection to 198.51.100.7 (every address is local there) and passes the accepted socket
 * over urelay's Unix socket. urelay, in the host namespace, relays it to nginx in the server
 * namespace, reading the original destination from the socket it was handed.
 *
 * <p>Two listeners: {@code boxed}, a datagram socket configured as {@code docs/capture-socketbox.md}
 * shows and fed by that page's Python sender, as socketbox's own server would feed it; and
 * {@code boxed-stream}, a stream socket fed by the Java sender in {@link SocketboxSender}.
 */
@EndToEnd(tools = {"nginx", "curl", "python3"})
class SocketboxIT {

    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final String PAGE = "capture-socketbox.md";
    private static final String DOCUMENTED_PATH = "/run/urelay/socketbox.sock";
    /** The stream listener's port; the datagram one, from the page, uses 80. */
    private static final int PORT = 8080;
    private static final int DATAGRAM_PORT = 80;

    private static final Cleanup CLEANUP = new Cleanup();
    private static Topology net;
    private static Nginx nginx;
    private static Netns lan;
    private static Path dir;
    private static Path socket;
    private static Path datagramSocket;
    private static UrelayProcess urelay;

    @BeforeAll
    static void startRelay() {
        net = CLEANUP.add(Topology.create());
        lan = net.addPrivate("sbox");
        nginx = CLEANUP.add(Nginx.start(net.server(), List.of(Topology.SERVER_V4), List.of(DATAGRAM_PORT, PORT)));
        dir = TempDirs.create("socketbox");
        CLEANUP.add((AutoCloseable) () -> TempDirs.delete(dir));
        socket = dir.resolve("urelay.sock");
        datagramSocket = dir.resolve("socketbox.sock");

        String documented = DocSnippets.get(PAGE, "socketbox-config");
        assertTrue(DocSnippets.get(PAGE, "socketbox-start").contains(documented),
                "the step-by-step setup writes another config than the page shows at its top");
        documented = documented.replace(DOCUMENTED_PATH, datagramSocket.toString());
        String stream = Configs.listener("boxed-stream",
                "{ type: socketbox, path: %s, mode: \"0660\", socket: stream }".formatted(socket), "      - sink: out\n");
        String config = documented.replaceFirst("listeners:\n", Matcher.quoteReplacement("listeners:\n" + stream));
        urelay = CLEANUP.add(UrelayProcess.run(net.host(), config, List.of()));
        for (Path path : List.of(socket, datagramSocket)) {
            Wait.until(LIMIT, () -> "urelay's socket at " + path + urelay.describe(), () -> {
                if (!urelay.isAlive()) {
                    throw new AssertionError("urelay exited early" + urelay.describe());
                }
                return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
            });
        }
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
    void relaysWhatTheDocumentedDatagramSenderPassesToItsOriginalDestination() throws IOException {
        Path sender = dir.resolve("socketbox-sender.py");
        Files.writeString(sender, DocSnippets.get(PAGE, "socketbox-sender"));
        try (Daemon python = Daemon.start("socketbox-sender.py",
                lan.command("python3", sender.toString(), datagramSocket.toString(), String.valueOf(DATAGRAM_PORT)),
                dir.resolve("sender.log"))) {
            python.awaitReady(LIMIT, "listening on port " + DATAGRAM_PORT, () -> lan.listens(DATAGRAM_PORT));

            for (int request = 0; request < 3; request++) {
                assertRelayed(Curl.get(lan, "http://198.51.100.7/"), "boxed", DATAGRAM_PORT);
            }
        }
    }

    @Test
    void relaysEveryConnectionAStreamSenderPassesToItsOriginalDestination() {
        try (JavaPeer sender = JavaPeer.start(lan, senderCommand("pass", socket.toString(),
                String.valueOf(PORT), "2"))) {
            sender.awaitReady(LIMIT);

            for (int request = 0; request < 2; request++) {
                assertRelayed(Curl.get(lan, "http://198.51.100.7:" + PORT + "/"), "boxed-stream", PORT);
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
            assertRelayed(Curl.get(lan, "http://198.51.100.7:" + PORT + "/"), "boxed-stream", PORT);
            assertEquals(0, good.awaitExit(LIMIT).exit());
        }
    }

    private static void assertRelayed(Curl.Result curl, String listener, int port) {
        assertEquals(0, curl.exit(), "curl failed: " + curl.stderr() + urelay.describe());
        assertEquals(nginx.body(port), curl.body());
        AuditLine audit = urelay.awaitAudit(Duration.ofSeconds(10), "for " + curl.client(),
                line -> curl.client().equals(line.get("client")));
        assertAll(audit.raw(),
                () -> assertEquals(listener, audit.get("listener")),
                () -> assertEquals("198.51.100.7:" + port, audit.get("dst")),
                () -> assertEquals("out", audit.get("sink")),
                () -> assertEquals("ok", audit.get("outcome")));
    }

    private static List<String> senderCommand(String... args) {
        return Image.peerCommand(SocketboxSender.class, List.of(AFUNIXSocket.class, NarMetadata.class), args);
    }
}
