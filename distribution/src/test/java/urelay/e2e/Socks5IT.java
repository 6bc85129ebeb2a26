// SPDX-License-Identifier: Apache-2.0
package urelay.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import urelay.e2e.harness.AuditLine;
import urelay.e2e.harness.Cleanup;
import urelay.e2e.harness.Configs;
import urelay.e2e.harness.Curl;
import urelay.e2e.harness.Daemon;
import urelay.e2e.harness.Dante;
import urelay.e2e.harness.EndToEnd;
import urelay.e2e.harness.Netns;
import urelay.e2e.harness.Nginx;
import urelay.e2e.harness.SshTunnel;
import urelay.e2e.harness.TempDirs;
import urelay.e2e.harness.Topology;
import urelay.e2e.harness.UrelayProcess;

/**
 * The socks5 sink against real SOCKS5 servers, all in the host namespace: microsocks on
 * {@code 127.0.0.1:1080}, Dante with a login on {@code 127.0.0.1:1081}, and an OpenSSH tunnel
 * ({@code ssh -N -D <dir>/socks.sock} logged in to sshd on {@code 127.0.0.1:2222}) on a Unix
 * socket. curl runs in one private namespace per proxy and fetches nginx's page from the
 * server namespace; urelay hands each connection to that proxy, and only the proxy connects
 * to nginx.
 *
 * <p>In Dante's namespace port 80 goes through a sink with the right password and port 8080
 * through one with a wrong password. In the tunnel's namespace port 81, where nothing
 * listens, shows what a destination the SSH server cannot reach looks like.
 */
@EndToEnd(tools = {"nginx", "curl", "microsocks", "danted", "sshd", "ssh", "ssh-keygen",
    "useradd", "userdel", "chpasswd"})
class Socks5IT {

    private static final int PAGE_PORT = 80;
    private static final int WRONG_PASSWORD_PORT = 8080;
    /** A port nginx does not listen on. */
    private static final int CLOSED_PORT = 81;
    private static final int MICROSOCKS_PORT = 1080;
    private static final int DANTE_PORT = 1081;
    private static final int SSHD_PORT = 2222;
    private static final String WRONG_PASSWORD = "wrong-" + UUID.randomUUID();
    private static final Duration START_LIMIT = Duration.ofSeconds(20);
    private static final Duration AUDIT_LIMIT = Duration.ofSeconds(10);

    private static final Cleanup CLEANUP = new Cleanup();
    private static Nginx nginx;
    private static Dante dante;
    private static SshTunnel tunnel;
    private static Netns microsocksLan;
    private static Netns danteLan;
    private static Netns sshLan;
    private static UrelayProcess urelay;

    @BeforeAll
    static void startProxiesAndRelay() {
        Topology net = CLEANUP.add(Topology.create());
        nginx = CLEANUP.add(Nginx.start(net.server(),
                List.of(Topology.SERVER_V4, "[" + Topology.SERVER_V6 + "]"), List.of(PAGE_PORT)));
        Path dir = TempDirs.create("socks5");
        CLEANUP.add(() -> TempDirs.delete(dir));

        startMicrosocks(net.host(), dir);
        dante = CLEANUP.add(Dante.start(net.host(), DANTE_PORT,
                List.of(Topology.HOST_V4, Topology.HOST_V6),
                List.of("198.51.100.0/24", "2001:db8:100::/64")));
        tunnel = CLEANUP.add(SshTunnel.start(net.host(), SSHD_PORT));

        microsocksLan = net.addPrivate("micro");
        danteLan = net.addPrivate("dante");
        sshLan = net.addPrivate("ssh");
        Path passwordFile = write(dir.resolve("dante-password"), dante.password() + "\n");
        String config = Configs.configWithSinks("json", sinks(passwordFile),
                Configs.listener("micro", Configs.transparentSource(microsocksLan, PAGE_PORT),
                        "      - sink: microsocks\n"),
                Configs.listener("dante",
                        Configs.transparentSource(danteLan, PAGE_PORT, WRONG_PASSWORD_PORT),
                        """
                              - match: { port: [%d] }
                                sink: dante-wrong
                              - sink: dante
                        """.formatted(WRONG_PASSWORD_PORT)),
                Configs.listener("ssh", Configs.transparentSource(sshLan, PAGE_PORT, CLOSED_PORT),
                        "      - sink: via-ssh\n"));
        urelay = CLEANUP.add(UrelayProcess.run(net.host(), config,
                List.of(microsocksLan, danteLan, sshLan), PAGE_PORT));
        danteLan.awaitListening(START_LIMIT, WRONG_PASSWORD_PORT);
        sshLan.awaitListening(START_LIMIT, CLOSED_PORT);
    }

    @AfterAll
    static void stopProxiesAndRelay() {
        CLEANUP.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "http://198.51.100.7/,       198.51.100.7:80",
        "http://[2001:db8:100::7]/,  [2001:db8:100::7]:80",
    })
    void carriesTheConnectionThroughMicrosocksToItsOriginalDestination(String url, String dst) {
        Curl.Result curl = Curl.get(microsocksLan, url);

        assertEquals(0, curl.exit(), "curl failed: " + curl.stderr());
        assertEquals(nginx.body(PAGE_PORT), curl.body());
        assertCarried(curl, "micro", dst, "microsocks", "socks5:127.0.0.1:" + MICROSOCKS_PORT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "http://198.51.100.7/,       198.51.100.7:80",
        "http://[2001:db8:100::7]/,  [2001:db8:100::7]:80",
    })
    void carriesTheConnectionThroughDanteWhenItAcceptsThePassword(String url, String dst) {
        Curl.Result curl = Curl.get(danteLan, url);

        assertEquals(0, curl.exit(), "curl failed: " + curl.stderr() + dante.describe());
        assertEquals(nginx.body(PAGE_PORT), curl.body());
        assertCarried(curl, "dante", dst, "dante", "socks5:127.0.0.1:" + DANTE_PORT);
    }

    @Test
    void resetsTheClientAndAuditsRefusedWhenDanteRejectsThePassword() {
        Curl.Result curl = Curl.get(danteLan, "http://198.51.100.7:" + WRONG_PASSWORD_PORT + "/");

        assertTrue(curl.wasReset(), "curl exit " + curl.exit() + ": " + curl.stderr());
        AuditLine audit = awaitAudit(curl, "dante");
        assertAll(audit.raw(),
                () -> assertEquals("198.51.100.7:" + WRONG_PASSWORD_PORT, audit.get("dst")),
                () -> assertEquals("dante-wrong", audit.get("sink")),
                () -> assertEquals("refused", audit.get("outcome")),
                () -> assertEquals("authentication failed", audit.get("detail")),
                () -> assertEquals(0, audit.number("up_bytes")),
                () -> assertEquals(0, audit.number("down_bytes")));
        String output = String.join("\n", urelay.stdoutLines()) + urelay.stderr();
        assertFalse(output.contains(WRONG_PASSWORD), "urelay wrote the wrong password");
        assertFalse(output.contains(dante.password()), "urelay wrote the password");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "http://198.51.100.7/,       198.51.100.7:80",
        "http://[2001:db8:100::7]/,  [2001:db8:100::7]:80",
    })
    void carriesTheConnectionThroughAnSshTunnelOnAUnixSocket(String url, String dst) {
        Curl.Result curl = Curl.get(sshLan, url);

        assertEquals(0, curl.exit(), "curl failed: " + curl.stderr());
        assertEquals(nginx.body(PAGE_PORT), curl.body());
        assertCarried(curl, "ssh", dst, "via-ssh", "socks5:unix:" + tunnel.socket());
    }

    /**
     * OpenSSH answers a SOCKS5 request only once its server has connected; when that fails,
     * ssh closes the socket without a reply, so urelay cannot name the cause.
     */
    @Test
    void resetsTheClientWhenTheSshTunnelCannotReachTheDestination() {
        Curl.Result curl = Curl.get(sshLan, "http://198.51.100.7:" + CLOSED_PORT + "/");

        assertTrue(curl.wasReset(), "curl exit " + curl.exit() + ": " + curl.stderr());
        AuditLine audit = awaitAudit(curl, "ssh");
        assertAll(audit.raw(),
                () -> assertEquals("198.51.100.7:" + CLOSED_PORT, audit.get("dst")),
                () -> assertEquals("via-ssh", audit.get("sink")),
                () -> assertEquals("error", audit.get("outcome")),
                () -> assertTrue(String.valueOf(audit.get("detail")).startsWith(
                        "socks5 proxy closed the connection"), audit.get("detail")));
    }

    private static void startMicrosocks(Netns host, Path dir) {
        CLEANUP.add(Daemon.start("microsocks", host.command("microsocks",
                        "-i", "127.0.0.1", "-p", String.valueOf(MICROSOCKS_PORT)),
                dir.resolve("microsocks.log")))
                .awaitListening(host, START_LIMIT, MICROSOCKS_PORT);
    }

    /** Dante's sinks share its user; only the password differs. */
    private static String sinks(Path passwordFile) {
        return """
                  microsocks: { type: socks5, server: "127.0.0.1:%1$d" }
                  dante:
                    type: socks5
                    server: "127.0.0.1:%2$d"
                    username: %3$s
                    password-file: %4$s
                  dante-wrong:
                    type: socks5
                    server: "127.0.0.1:%2$d"
                    username: %3$s
                    password: %5$s
                  via-ssh:
                    type: socks5
                    server: "unix:%6$s"
                    handshake-timeout: 20s
                """.formatted(MICROSOCKS_PORT, DANTE_PORT, dante.user(), passwordFile,
                WRONG_PASSWORD, tunnel.socket());
    }

    private static void assertCarried(Curl.Result curl, String listener, String dst,
            String sink, String upstream) {
        AuditLine audit = awaitAudit(curl, listener);
        assertAll(audit.raw(),
                () -> assertEquals(curl.client(), audit.get("client")),
                () -> assertEquals(dst, audit.get("dst")),
                () -> assertEquals(dst, audit.get("final")),
                () -> assertEquals(sink, audit.get("sink")),
                () -> assertEquals(upstream, audit.get("upstream")),
                () -> assertEquals("ok", audit.get("outcome")),
                () -> assertNull(audit.get("detail")),
                () -> assertTrue(audit.number("up_bytes") > 0),
                () -> assertTrue(audit.number("down_bytes") > nginx.body(PAGE_PORT).length()));
    }

    /** The audit line of curl's connection; one urelay serves three namespaces. */
    private static AuditLine awaitAudit(Curl.Result curl, String listener) {
        assertTrue(curl.localPort() > 0, "curl did not connect: " + curl.stderr());
        return urelay.awaitAudit(AUDIT_LIMIT, "for client " + curl.client() + " on " + listener,
                line -> line.hasClientPort(curl.localPort())
                        && listener.equals(line.get("listener")));
    }

    private static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
