// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socks5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static urelay.plugin.socks5.Bytes.concat;
import static urelay.plugin.socks5.Bytes.of;
import static urelay.plugin.socks5.Socks5SinkTest.IPV4_DESTINATION;
import static urelay.plugin.socks5.Socks5SinkTest.IPV4_REQUEST;
import static urelay.plugin.socks5.Socks5SinkTest.SUCCESS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import urelay.spi.Outcome;
import urelay.spi.SinkResult;

/** RFC 1929 username/password sub-negotiation, and a proxy on a Unix socket as ssh -D makes one. */
@Timeout(10)
class Socks5AuthenticationTest {

    private static final byte[] GREETING_WITH_LOGIN = of(5, 2, 0, 2);
    private static final byte[] LOGIN = concat(1, 5, "alice", 6, "s3cret");

    private final Socks5SinkTest sinks = new Socks5SinkTest();

    @TempDir
    Path directory;

    @AfterEach
    void closeEveryStream() {
        sinks.closeEveryStream();
    }

    @Test
    void sendsUsernameAndPasswordByteForByteAsRfc1929Says() throws Exception {
        try (ScriptedProxy proxy = ScriptedProxy.onLoopback(client -> {
            assertArrayEquals(GREETING_WITH_LOGIN, client.read(4));
            client.send(5, 2);
            assertArrayEquals(LOGIN, client.read(LOGIN.length));
            client.send(1, 0);
            assertArrayEquals(IPV4_REQUEST, client.read(IPV4_REQUEST.length));
            client.send(SUCCESS);
        })) {
            SinkResult result = sinks.connect(login(proxy.server(), "s3cret", null), IPV4_DESTINATION);

            assertInstanceOf(SinkResult.Connected.class, result);
            proxy.awaitScript();
        }
    }

    @Test
    void sendsThePasswordFromTheFileWithoutItsTrailingNewline() throws Exception {
        Path file = Files.writeString(directory.resolve("password"), "s3cret\n");
        try (ScriptedProxy proxy = ScriptedProxy.onLoopback(client -> {
            client.read(4);
            client.send(5, 2);
            assertArrayEquals(LOGIN, client.read(LOGIN.length));
            client.send(1, 0);
            client.read(IPV4_REQUEST.length);
            client.send(SUCCESS);
        })) {
            SinkResult result = sinks.connect(login(proxy.server(), null, file), IPV4_DESTINATION);

            assertInstanceOf(SinkResult.Connected.class, result);
            proxy.awaitScript();
        }
    }

    @Test
    void goesStraightToTheRequestWhenTheProxyWantsNoLogin() throws Exception {
        try (ScriptedProxy proxy = ScriptedProxy.onLoopback(client -> {
            client.read(4);
            client.send(5, 0);
            assertArrayEquals(IPV4_REQUEST, client.read(IPV4_REQUEST.length));
            client.send(SUCCESS);
        })) {
            SinkResult result = sinks.connect(login(proxy.server(), "s3cret", null), IPV4_DESTINATION);

            assertInstanceOf(SinkResult.Connected.class, result);
            proxy.awaitScript();
        }
    }

    @Test
    void reportsAWrongPasswordAsRefusedWithoutNamingIt() throws Exception {
        try (ScriptedProxy proxy = ScriptedProxy.onLoopback(client -> {
            client.read(4);
            client.send(5, 2);
            client.read(LOGIN.length);
            client.send(1, 1);
            assertTrue(client.awaitEndWithoutMoreBytes());
        })) {
            SinkResult result = sinks.connect(login(proxy.server(), "s3cret", null), IPV4_DESTINATION);

            assertEquals(new SinkResult.Failed(Outcome.REFUSED, "authentication failed"), result);
            proxy.awaitScript();
        }
    }

    @Test
    void reportsAnAuthenticationReplyWithAWrongVersionAsAnError() throws Exception {
        try (ScriptedProxy proxy = ScriptedProxy.onLoopback(client -> {
            client.read(4);
            client.send(5, 2);
            client.read(LOGIN.length);
            client.send(5, 0);
        })) {
            SinkResult result = sinks.connect(login(proxy.server(), "s3cret", null), IPV4_DESTINATION);

            assertEquals(new SinkResult.Failed(Outcome.ERROR, "socks5 authentication reply has version 5; expected 1"),
                    result);
            proxy.awaitScript();
        }
    }

    @Test
    void namesBothOfferedMethodsWhenTheProxyAcceptsNeither() throws Exception {
        try (ScriptedProxy proxy = ScriptedProxy.onLoopback(client -> {
            client.read(4);
            client.send(5, 0xff);
        })) {
            SinkResult result = sinks.connect(login(proxy.server(), "s3cret", null), IPV4_DESTINATION);

            SinkResult.Failed failed = (SinkResult.Failed) result;
            assertEquals(Outcome.REFUSED, failed.outcome());
            assertEquals("socks5 proxy accepts none of the offered methods (none, username/password)", failed.detail());
            assertFalse(failed.detail().contains("s3cret"));
            proxy.awaitScript();
        }
    }

    @Test
    void reachesAProxyOnAUnixSocketWithALogin() throws Exception {
        Path socket = directory.resolve("urelay.sock");
        try (ScriptedProxy proxy = ScriptedProxy.onUnixSocket(socket, client -> {
            client.read(4);
            client.send(5, 2);
            assertArrayEquals(LOGIN, client.read(LOGIN.length));
            client.send(1, 0);
            client.read(IPV4_REQUEST.length);
            client.send(concat(SUCCESS, "hi"));
        })) {
            SinkResult.Connected connected = assertInstanceOf(SinkResult.Connected.class,
                    sinks.connect(login(proxy.server(), "s3cret", null), IPV4_DESTINATION));

            assertEquals("socks5:unix:" + socket, connected.description());
            assertEquals("hi", Socks5SinkTest.readText(connected.upstream(), 2));
            proxy.awaitScript();
        }
    }

    private static Socks5Config login(String server, String password, Path passwordFile) {
        return new Socks5Config(server, "alice", password, passwordFile, null, Duration.ofSeconds(2));
    }
}
