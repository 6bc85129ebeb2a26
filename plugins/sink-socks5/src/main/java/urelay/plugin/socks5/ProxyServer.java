// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socks5;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;
import urelay.spi.IpDestination;

/**
 * Where the SOCKS5 proxy listens, parsed from the {@code server} key: a TCP host and port, or
 * a Unix socket. Immutable; parsing runs on the thread that binds the config.
 */
sealed interface ProxyServer permits TcpProxyServer, UnixProxyServer {

    /** The kernel's limit for a Unix socket path ({@code sun_path} less its terminating NUL). */
    int MAX_UNIX_PATH_BYTES = 107;

    /** Host names and IPv4 literals; IPv6 literals come in brackets and are checked apart. */
    Pattern HOST = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_.])?");

    String FORMS = "allowed host:port, [ipv6]:port or unix:/path";

    /**
     * The server as a user writes it: {@code 127.0.0.1:1080}, {@code [::1]:1080} or
     * {@code unix:/run/x.sock}.
     */
    String text();

    /**
     * Parses the {@code server} key.
     *
     * @throws IllegalArgumentException naming the key, the value found and the forms allowed
     */
    static ProxyServer parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("server: missing; " + FORMS);
        }
        if (text.startsWith("unix:")) {
            return unix(text.substring("unix:".length()));
        }

        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("server: \"" + text + "\" has no port; " + FORMS);
        }
        String host = text.substring(0, colon);
        int port = port(text.substring(colon + 1));
        if (host.startsWith("[") && host.endsWith("]")) {
            return new TcpProxyServer(ipv6(host.substring(1, host.length() - 1)), port);
        }
        if (host.contains(":")) {
            throw new IllegalArgumentException("server: \"" + text
                    + "\" has more than one colon; write an IPv6 address in brackets, such as [::1]:1080");
        }
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("server: \"" + host
                    + "\" is not a host name or IP address; " + FORMS);
        }
        return new TcpProxyServer(host, port);
    }

    private static UnixProxyServer unix(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("server: \"unix:" + path
                    + "\" is not an absolute path; allowed unix:/path, "
                    + "such as unix:/run/user/1000/urelay.sock");
        }
        int bytes = path.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_UNIX_PATH_BYTES) {
            throw new IllegalArgumentException("server: the unix socket path has " + bytes
                    + " bytes; allowed at most " + MAX_UNIX_PATH_BYTES);
        }
        return new UnixProxyServer(Path.of(path));
    }

    private static int port(String text) {
        int port;
        try {
            port = text.length() <= 5 ? Integer.parseInt(text) : -1;
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("server: port \"" + text
                    + "\" is not a port; allowed 1-65535");
        }
        return port;
    }

    private static String ipv6(String literal) {
        try {
            if (literal.contains(":")) {
                IpDestination.parseLiteral(literal);
                return literal;
            }
        } catch (IllegalArgumentException e) {
            // Reported below, with the same message as a literal without a colon.
        }
        throw new IllegalArgumentException("server: \"[" + literal
                + "]\" is not an IPv6 address; allowed [ipv6]:port, such as [::1]:1080");
    }
}
