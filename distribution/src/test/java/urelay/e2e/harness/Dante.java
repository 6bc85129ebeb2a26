// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * The Dante SOCKS5 server ({@code danted}) started by a test inside a namespace, asking for a
 * user name and password (RFC 1929). Used from the test thread only.
 *
 * <p>Dante's {@code username} method checks the system's password database, so the test makes
 * a throwaway system user (no home, no login shell) with a random name and password, and
 * {@link #close()} deletes it again together with the config, log and pid file in a temporary
 * directory. Dante listens on loopback only, accepts clients from {@code 127.0.0.0/8} only and
 * connects only to the destination prefixes the test names.
 */
public final class Dante implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(20);
    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(30);
    /** Throwaway users start with this, so a leftover from a crashed run is easy to spot. */
    private static final String USER_PREFIX = "ure2e";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Cleanup cleanup;
    private final Daemon daemon;
    private final String user;
    private final String password;

    private Dante(Cleanup cleanup, Daemon daemon, String user, String password) {
        this.cleanup = cleanup;
        this.daemon = daemon;
        this.user = user;
        this.password = password;
    }

    /**
     * Makes the user, starts {@code danted} in {@code netns} on {@code 127.0.0.1:port} and
     * waits until it listens.
     *
     * @param externals the addresses Dante connects from, one per family it should reach
     * @param destinations the prefixes clients may connect to, such as {@code 198.51.100.0/24}
     */
    public static Dante start(Netns netns, int port, List<String> externals,
            List<String> destinations) {
        Cleanup cleanup = new Cleanup();
        try {
            Path dir = TempDirs.create("dante");
            cleanup.add(() -> TempDirs.delete(dir));
            String user = USER_PREFIX + random(3);
            String password = random(12);
            cleanup.add(createUser(dir, user, password));

            Path config = write(dir.resolve("danted.conf"), config(port, externals, destinations));
            Daemon daemon = cleanup.add(Daemon.start("danted", netns.command("danted",
                    "-f", config.toString(), "-p", dir.resolve("danted.pid").toString()),
                    dir.resolve("danted.log")));
            daemon.awaitListening(netns, START_LIMIT, port);
            return new Dante(cleanup, daemon, user, password);
        } catch (RuntimeException | Error e) {
            cleanup.close();
            throw e;
        }
    }

    /** The user name Dante accepts. */
    public String user() {
        return user;
    }

    /** The password Dante accepts for {@link #user()}. */
    public String password() {
        return password;
    }

    /** State and log, for failure messages. */
    public String describe() {
        return daemon.describe();
    }

    /** Stops Dante, deletes the user and removes the temporary directory. */
    @Override
    public void close() {
        cleanup.close();
    }

    private static String config(int port, List<String> externals, List<String> destinations) {
        StringBuilder text = new StringBuilder("""
                # Written by the urelay end-to-end tests for one run.
                logoutput: stderr
                internal: 127.0.0.1 port = %d
                """.formatted(port));
        for (String external : externals) {
            text.append("external: ").append(external).append('\n');
        }
        // user.privileged root: the username method reads the shadow password file.
        text.append("""
                clientmethod: none
                socksmethod: username
                user.privileged: root
                user.unprivileged: nobody
                client pass {
                    from: 127.0.0.0/8 to: 127.0.0.0/8
                }
                """);
        for (String destination : destinations) {
            text.append("""
                    socks pass {
                        from: 127.0.0.0/8 to: %s
                        command: connect
                    }
                    """.formatted(destination));
        }
        return text.toString();
    }

    /** Adds the system user and sets its password; the returned action deletes the user. */
    private static AutoCloseable createUser(Path dir, String user, String password) {
        Command.check("useradd", "--system", "--no-create-home", "--home-dir", "/nonexistent",
                "--shell", "/usr/sbin/nologin", "--comment", "urelay e2e test, safe to delete",
                user);
        AutoCloseable delete = () -> Command.check("userdel", user);
        try {
            // chpasswd reads "user:password" from stdin; a file keeps it off the command line.
            Path input = write(dir.resolve("chpasswd.in"), user + ":" + password + "\n");
            Command.run(COMMAND_LIMIT, Command.builder(List.of("chpasswd"))
                    .redirectInput(input.toFile())).orThrow();
            Files.delete(input);
            return delete;
        } catch (IOException e) {
            closeQuietly(delete, e);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            closeQuietly(delete, e);
            throw e;
        }
    }

    private static void closeQuietly(AutoCloseable resource, Exception cause) {
        try {
            resource.close();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }

    private static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Random hex; the password belongs to a real, if short-lived, system user. */
    private static String random(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
