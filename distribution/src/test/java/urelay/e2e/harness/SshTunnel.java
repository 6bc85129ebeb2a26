// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

/**
 * A real OpenSSH tunnel as a SOCKS5 server on a Unix socket: {@code sshd} on
 * {@code 127.0.0.1:port} inside a namespace, and {@code ssh -N -D <dir>/socks.sock} logged in
 * to it as root with a key, in the same namespace. Used from the test thread only.
 *
 * <p>Host key, user key, {@code sshd_config}, pid file, logs and the socket all live in one
 * temporary directory; sshd reads no system config and ssh none either ({@code -F /dev/null}),
 * no agent and no known-hosts file. sshd insists on its privilege-separation directory
 * {@code /run/sshd}, which Debian's service unit makes at boot; when it is missing it is made
 * here and removed again by {@link #close()}, which also stops both processes and removes the
 * temporary directory.
 */
public final class SshTunnel implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(30);
    private static final Duration KEYGEN_LIMIT = Duration.ofSeconds(30);
    private static final Path PRIVSEP_DIR = Path.of("/run/sshd");

    private final Cleanup cleanup;
    private final Path socket;

    private SshTunnel(Cleanup cleanup, Path socket) {
        this.cleanup = cleanup;
        this.socket = socket;
    }

    /**
     * Starts sshd on {@code 127.0.0.1:port} in {@code netns}, then the ssh client that logs
     * in to it and serves SOCKS5 on a Unix socket, and waits until that socket listens.
     */
    public static SshTunnel start(Netns netns, int port) {
        Cleanup cleanup = new Cleanup();
        try {
            Path dir = TempDirs.create("ssh");
            cleanup.add(() -> TempDirs.delete(dir));
            keygen(dir.resolve("host_key"));
            keygen(dir.resolve("user_key"));
            Files.copy(dir.resolve("user_key.pub"), dir.resolve("authorized_keys"));
            Path config = Files.writeString(dir.resolve("sshd_config"), sshdConfig(dir, port));
            cleanup.add(privilegeSeparationDir());

            Daemon sshd = cleanup.add(Daemon.start("sshd", netns.command("/usr/sbin/sshd",
                    "-D", "-e", "-f", config.toString()), dir.resolve("sshd.log")));
            sshd.awaitListening(netns, START_LIMIT, port);

            Path socket = dir.resolve("socks.sock");
            Daemon ssh = cleanup.add(Daemon.start("ssh", netns.command(sshCommand(dir, port,
                    socket)), dir.resolve("ssh.log")));
            try {
                ssh.awaitListening(netns, START_LIMIT, socket);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + sshd.describe(), e);
            }
            return new SshTunnel(cleanup, socket);
        } catch (IOException e) {
            cleanup.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            cleanup.close();
            throw e;
        }
    }

    /** The Unix socket on which ssh serves SOCKS5. */
    public Path socket() {
        return socket;
    }

    /** Stops ssh, then sshd, and removes what {@link #start} made. */
    @Override
    public void close() {
        cleanup.close();
    }

    private static void keygen(Path key) {
        Command.run(KEYGEN_LIMIT, List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "",
                "-C", "urelay-e2e", "-f", key.toString())).orThrow();
    }

    /** Only what the tunnel needs: one loopback address, root by key, local forwarding. */
    private static String sshdConfig(Path dir, int port) {
        return """
                # Written by the urelay end-to-end tests for one run.
                ListenAddress 127.0.0.1:%2$d
                HostKey %1$s/host_key
                PidFile %1$s/sshd.pid
                AuthorizedKeysFile %1$s/authorized_keys
                StrictModes no
                UsePAM no
                PermitRootLogin prohibit-password
                AuthenticationMethods publickey
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                AllowTcpForwarding local
                AllowStreamLocalForwarding no
                AllowAgentForwarding no
                X11Forwarding no
                PermitTTY no
                PrintMotd no
                PrintLastLog no
                """.formatted(dir, port);
    }

    private static List<String> sshCommand(Path dir, int port, Path socket) {
        return List.of("ssh", "-N", "-F", "/dev/null", "-D", socket.toString(),
                "-i", dir.resolve("user_key").toString(), "-p", String.valueOf(port),
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none",
                "-o", "ExitOnForwardFailure=yes", "-o", "ConnectTimeout=10",
                "root@127.0.0.1");
    }

    /** Makes {@code /run/sshd} if it is missing; the returned action removes it again. */
    private static AutoCloseable privilegeSeparationDir() throws IOException {
        if (Files.isDirectory(PRIVSEP_DIR)) {
            return () -> {
            };
        }
        Files.createDirectory(PRIVSEP_DIR);
        Files.setPosixFilePermissions(PRIVSEP_DIR, PosixFilePermissions.fromString("rwxr-xr-x"));
        return () -> {
            try {
                Files.deleteIfExists(PRIVSEP_DIR);
            } catch (DirectoryNotEmptyException e) {
                // A system sshd started meanwhile uses it now; it is theirs to keep.
                System.err.println("leaving " + PRIVSEP_DIR + " in place: it is not empty");
            }
        };
    }
}
