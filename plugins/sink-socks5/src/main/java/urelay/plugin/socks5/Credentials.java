// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socks5;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The user name and password a sink sends in RFC 1929 sub-negotiation. Made once when the sink
 * is created, on the thread that creates it; immutable afterwards. {@link #toString()} masks
 * the password, so neither a log line nor an exception can carry it.
 *
 * @param username 1 to 255 bytes in UTF-8
 * @param password 1 to 255 bytes in UTF-8
 */
record Credentials(String username, String password) {

    /**
     * The credentials a config names, reading {@code password-file} now.
     *
     * @return empty when the config has no user name
     * @throws IllegalArgumentException naming {@code password-file} when it cannot be read or
     *                                  holds no usable password
     */
    static Optional<Credentials> of(Socks5Config config) {
        if (config.username() == null) {
            return Optional.empty();
        }
        String password = config.password() != null ? config.password() : read(config.passwordFile());
        return Optional.of(new Credentials(config.username(), password));
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=****]";
    }

    private static String read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("password-file: " + file + " does not exist");
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("password-file: " + file
                    + " cannot be read: permission denied");
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("password-file: " + file + " is not UTF-8 text");
        } catch (IOException e) {
            // The JDK's message names the file or the reason, never the file's content.
            throw new IllegalArgumentException("password-file: " + file
                    + " cannot be read: " + e.getMessage());
        }

        String password = stripNewline(text);
        Socks5Config.checkLength("password-file: " + file, password);
        return password;
    }

    /** Drops one trailing line end, as {@code echo} and editors leave one. */
    private static String stripNewline(String text) {
        String line = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
