// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socketbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import urelay.spi.Capture;

/**
 * The {@code socketbox} source's YAML block.
 *
 * @param path    the Unix socket to listen on, an absolute path of at most 107 bytes
 * @param mode    the socket file's permissions as four octal digits in quotes; default
 *                {@code "0600"}, so only urelay's own user may pass connections
 * @param capture how the passed connections were captured, which says where their original
 *                destination is read: {@code local} (default), {@code tproxy} or
 *                {@code redirect}
 * @param socket  the kind of Unix socket senders pass connections over: {@code datagram}
 *                (default; socketbox's own server sends each connection as a datagram to the
 *                path) or {@code stream} (each sender connects and passes any number of
 *                connections over its connection)
 */
public record SocketboxConfig(Path path, String mode, String capture, String socket) {

    /** The kernel's limit for a socket path: {@code sun_path} holds 108 bytes with the NUL. */
    static final int PATH_MAX = 107;

    /**
     * The length of the hidden directory's name beside the socket file: the socket is first
     * bound in it, under {@link #STAGED_NAME}, before it gets its mode and is renamed into
     * place (see {@link SocketFile}).
     */
    static final int STAGING_DIRECTORY_LENGTH = 8;

    /** The socket's name inside the hidden directory. */
    static final String STAGED_NAME = "s";

    private static final Pattern MODE = Pattern.compile("0[0-7]{3}");

    public SocketboxConfig {
        checkPath(path);
        mode = mode == null ? "0600" : mode;
        if (!MODE.matcher(mode).matches()) {
            throw new IllegalArgumentException("mode: \"" + mode + "\" is not a file mode; write four octal "
                    + "digits in quotes, such as \"0660\" (without quotes YAML may read the digits as a number)");
        }
        capture = capture == null ? "local" : capture;
        Capture.parse(capture);
        socket = socket == null ? "datagram" : socket;
        socketKind(socket);
    }

    /** The kind of Unix socket senders pass connections over. */
    public enum SocketKind {
        /** One bound socket; each datagram carries connections. */
        DATAGRAM,
        /** A listening socket; each sender connects and passes connections over its connection. */
        STREAM
    }

    /** The kind of Unix socket senders pass connections over. */
    public SocketKind socketKind() {
        return socketKind(socket);
    }

    private static SocketKind socketKind(String text) {
        return switch (text) {
            case "datagram", "stream" -> SocketKind.valueOf(text.toUpperCase(Locale.ROOT));
            default -> throw new IllegalArgumentException("socket: \"" + text
                    + "\" is not a socket kind; allowed datagram (socketbox's own server), stream");
        };
    }

    /** The socket file's permissions. */
    public Set<PosixFilePermission> permissions() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i < 4; i++) {
            int digit = mode.charAt(i) - '0';
            text.append((digit & 4) != 0 ? 'r' : '-')
                    .append((digit & 2) != 0 ? 'w' : '-')
                    .append((digit & 1) != 0 ? 'x' : '-');
        }
        return PosixFilePermissions.fromString(text.toString());
    }

    /** How the passed connections were captured. */
    public Capture captureMode() {
        return Capture.parse(capture);
    }

    private static void checkPath(Path path) {
        if (path == null) {
            throw new IllegalArgumentException("path: required; a socket path such as /run/urelay/socketbox.sock");
        }
        if (!path.isAbsolute() || path.getFileName() == null) {
            throw new IllegalArgumentException("path: \"" + path + "\" is not an absolute file path; "
                    + "allowed a path from /, such as /run/urelay/socketbox.sock");
        }
        int bytes = bytes(path.toString());
        if (bytes > PATH_MAX) {
            throw new IllegalArgumentException("path: \"" + path + "\" is " + bytes
                    + " bytes long; the kernel allows " + PATH_MAX);
        }
        String name = path.getFileName().toString();
        if (name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("path: \"" + path + "\" ends in " + name
                    + ", which names a directory; end it with the socket's file name, such as socketbox.sock");
        }
        int staged = bytes(path.resolveSibling("." + "x".repeat(STAGING_DIRECTORY_LENGTH - 1))
                .resolve(STAGED_NAME).toString());
        if (staged > PATH_MAX) {
            int directory = bytes(path.getParent().toString());
            throw new IllegalArgumentException("path: \"" + path + "\" is in a directory of " + directory
                    + " bytes, too long for the hidden directory the socket is set up in beside it; "
                    + "allowed a directory of at most " + (directory - (staged - PATH_MAX)) + " bytes");
        }
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
