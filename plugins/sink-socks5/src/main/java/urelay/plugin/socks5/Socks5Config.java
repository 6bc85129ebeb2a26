// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socks5;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code socks5} sink's YAML block. {@link #toString()} masks the password.
 *
 * @param server           the proxy: {@code host:port}, {@code [ipv6]:port} or
 *                         {@code unix:/path}; required
 * @param username         the RFC 1929 user name, 1 to 255 bytes; absent to offer no
 *                         authentication but "none"
 * @param password         the password, 1 to 255 bytes; with {@code username}, exactly one of
 *                         this and {@code passwordFile}
 * @param passwordFile     a file holding the password, read when the sink is created; one
 *                         trailing newline is ignored
 * @param connectTimeout   how long to wait for the connection to the proxy; default 10s
 * @param handshakeTimeout how long each read or write of the SOCKS5 handshake may wait;
 *                         default 10s
 */
public record Socks5Config(String server, String username, String password, Path passwordFile,
        Duration connectTimeout, Duration handshakeTimeout) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);
    static final int MAX_CREDENTIAL_BYTES = 255;

    public Socks5Config {
        ProxyServer.parse(server);
        checkCredentials(username, password, passwordFile);
        connectTimeout = timeout("connect-timeout", connectTimeout);
        handshakeTimeout = timeout("handshake-timeout", handshakeTimeout);
    }

    /** The proxy's address, parsed from {@link #server()}. */
    ProxyServer proxyServer() {
        return ProxyServer.parse(server);
    }

    @Override
    public String toString() {
        return "Socks5Config[server=" + server + ", username=" + username
                + ", password=" + (password == null ? "null" : "****") + ", passwordFile=" + passwordFile
                + ", connectTimeout=" + connectTimeout + ", handshakeTimeout=" + handshakeTimeout + "]";
    }

    private static void checkCredentials(String username, String password, Path passwordFile) {
        if (username == null) {
            if (password != null || passwordFile != null) {
                throw new IllegalArgumentException((password != null ? "password" : "password-file")
                        + ": only allowed together with username");
            }
            return;
        }
        checkLength("username", username);
        if ((password == null) == (passwordFile == null)) {
            throw new IllegalArgumentException(
                    "username: needs exactly one of password and password-file");
        }
        if (password != null) {
            checkLength("password", password);
        }
    }

    /** Checks the RFC 1929 length of a user name or password; the message never shows the value. */
    static void checkLength(String key, String value) {
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < 1 || bytes > MAX_CREDENTIAL_BYTES) {
            throw new IllegalArgumentException(key + ": has " + bytes + " bytes; allowed 1 to "
                    + MAX_CREDENTIAL_BYTES + " (RFC 1929)");
        }
    }

    private static Duration timeout(String key, Duration value) {
        Duration timeout = value == null ? DEFAULT_TIMEOUT : value;
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException(key + ": " + timeout.toMillis()
                    + "ms is out of range; allowed 1ms to 10m");
        }
        return timeout;
    }
}
