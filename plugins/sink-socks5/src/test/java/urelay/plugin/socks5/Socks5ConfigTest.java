// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socks5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class Socks5ConfigTest {

    @Test
    void waitsTenSecondsForConnectAndHandshakeByDefault() {
        Socks5Config config = new Socks5Config("127.0.0.1:1080", null, null, null, null, null);

        assertEquals(Duration.ofSeconds(10), config.connectTimeout());
        assertEquals(Duration.ofSeconds(10), config.handshakeTimeout());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1:1080                  | 127.0.0.1:1080
            proxy.example.test:1080         | proxy.example.test:1080
            [::1]:1080                      | [::1]:1080
            [2001:db8::7]:65535             | [2001:db8::7]:65535
            unix:/run/user/1000/urelay.sock | unix:/run/user/1000/urelay.sock
            """)
    void acceptsEachServerForm(String server, String text) {
        assertEquals(text, new Socks5Config(server, null, null, null, null, null).proxyServer().text());
    }

    @Test
    void readsAUnixServerAsItsPath() {
        assertEquals(new UnixProxyServer(Path.of("/run/user/1000/urelay.sock")),
                new Socks5Config("unix:/run/user/1000/urelay.sock", null, null, null, null, null).proxyServer());
    }

    static Stream<Arguments> malformedServers() {
        String forms = "allowed host:port, [ipv6]:port or unix:/path";
        return Stream.of(
                arguments("", "server: missing; " + forms),
                arguments("proxy.example.test", "server: \"proxy.example.test\" has no port; " + forms),
                arguments("proxy:0", "server: port \"0\" is not a port; allowed 1-65535"),
                arguments("proxy:65536", "server: port \"65536\" is not a port; allowed 1-65535"),
                arguments("proxy:http", "server: port \"http\" is not a port; allowed 1-65535"),
                arguments("proxy:", "server: port \"\" is not a port; allowed 1-65535"),
                arguments("proxy:+80", "server: port \"+80\" is not a port; allowed 1-65535"),
                arguments("::1:1080", "server: \"::1:1080\" has more than one colon; "
                        + "write an IPv6 address in brackets, such as [::1]:1080"),
                arguments("[proxy]:1080", "server: \"[proxy]\" is not an IPv6 address; "
                        + "allowed [ipv6]:port, such as [::1]:1080"),
                arguments("[::g]:1080", "server: \"[::g]\" is not an IPv6 address; "
                        + "allowed [ipv6]:port, such as [::1]:1080"),
                arguments("my proxy:1080", "server: \"my proxy\" is not a host name or IP address; " + forms),
                arguments(":1080", "server: \"\" is not a host name or IP address; " + forms),
                arguments("unix:run/x.sock", "server: \"unix:run/x.sock\" is not an absolute path; "
                        + "allowed unix:/path, such as unix:/run/user/1000/urelay.sock"));
    }

    @ParameterizedTest
    @MethodSource("malformedServers")
    void rejectsAMalformedServer(String server, String message) {
        assertEquals(message, rejected(server, null, null, null));
    }

    @Test
    void rejectsAMissingServer() {
        assertEquals("server: missing; allowed host:port, [ipv6]:port or unix:/path", rejected(null, null, null, null));
    }

    @Test
    void acceptsAUnixPathOf107BytesButNot108() {
        String fits = "/" + "s".repeat(106);
        new Socks5Config("unix:" + fits, null, null, null, null, null);

        assertEquals("server: the unix socket path has 108 bytes; allowed at most 107",
                rejected("unix:" + fits + "s", null, null, null));
    }

    @Test
    void rejectsAPasswordWithoutAUsername() {
        assertEquals("password: only allowed together with username", rejected("h:1", null, "pw", null));
        assertEquals("password-file: only allowed together with username",
                rejected("h:1", null, null, Path.of("/etc/urelay/pw")));
    }

    @Test
    void wantsExactlyOneOfPasswordAndPasswordFileWithAUsername() {
        String message = "username: needs exactly one of password and password-file";
        assertEquals(message, rejected("h:1", "alice", null, null));
        assertEquals(message, rejected("h:1", "alice", "pw", Path.of("/etc/urelay/pw")));
    }

    @Test
    void holdsUsernameAndPasswordToTheRfc1929Lengths() {
        assertEquals("username: has 0 bytes; allowed 1 to 255 (RFC 1929)", rejected("h:1", "", "pw", null));
        assertEquals("username: has 256 bytes; allowed 1 to 255 (RFC 1929)",
                rejected("h:1", "u".repeat(256), "pw", null));
        assertEquals("password: has 0 bytes; allowed 1 to 255 (RFC 1929)", rejected("h:1", "alice", "", null));
        assertEquals("password: has 256 bytes; allowed 1 to 255 (RFC 1929)",
                rejected("h:1", "alice", "\u00e9".repeat(128), null));
    }

    @Test
    void rejectsTimeoutsThatAreNotPositiveOrAboveTenMinutes() {
        var zero = assertThrows(IllegalArgumentException.class,
                () -> new Socks5Config("h:1", null, null, null, Duration.ZERO, null));
        assertEquals("connect-timeout: 0ms is out of range; allowed 1ms to 10m", zero.getMessage());
        var tooLong = assertThrows(IllegalArgumentException.class,
                () -> new Socks5Config("h:1", null, null, null, null, Duration.ofMinutes(11)));
        assertEquals("handshake-timeout: 660000ms is out of range; allowed 1ms to 10m", tooLong.getMessage());
        var negative = assertThrows(IllegalArgumentException.class,
                () -> new Socks5Config("h:1", null, null, null, null, Duration.ofMillis(-5)));
        assertEquals("handshake-timeout: -5ms is out of range; allowed 1ms to 10m", negative.getMessage());
    }

    @Test
    void masksThePasswordInItsText() {
        Socks5Config config = new Socks5Config("h:1", "alice", "s3cret", null, null, null);

        assertFalse(config.toString().contains("s3cret"));
        assertEquals("Socks5Config[server=h:1, username=alice, password=****, passwordFile=null, "
                + "connectTimeout=PT10S, handshakeTimeout=PT10S]", config.toString());
    }

    private static String rejected(String server, String username, String password, Path passwordFile) {
        return assertThrows(IllegalArgumentException.class,
                () -> new Socks5Config(server, username, password, passwordFile, null, null)).getMessage();
    }
}
