// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import urelay.spi.Capture;

/**
 * What {@link LinuxNetwork#adoptConnection} refuses. A descriptor passed in by another process
 * is untrusted: whatever it is, a refused one is closed, and the wrong kind of descriptor is
 * told apart from a TCP connection that failed.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AdoptConnectionTest {

    private LinuxNetwork network;
    private Path dir;

    @BeforeEach
    void start() throws IOException {
        network = new LinuxNetwork();
        dir = Files.createTempDirectory("urelay-adopt-");
    }

    @AfterEach
    void stop() throws IOException {
        network.close();
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    @Test
    void refusesAConnectedUnixSocketAndClosesIt() throws IOException {
        Path path = dir.resolve("s");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(path));
            int fd = connectedUnixSocket(path);
            try (SocketChannel ignored = server.accept()) {
                var e = assertThrows(IllegalArgumentException.class,
                        () -> network.adoptConnection(fd, Capture.LOCAL));

                assertEquals("descriptor " + fd + " is not a TCP socket (family 1, type 1)", e.getMessage());
                assertTrue(Libc.fcntl(fd, Libc.F_GETFD, 0) < 0, "descriptor left open");
            }
        }
    }

    @Test
    void refusesADescriptorThatIsNotASocketAndClosesIt() throws IOException {
        int[] pipe = pipe();
        try {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> network.adoptConnection(pipe[0], Capture.LOCAL));

            assertTrue(e.getMessage().contains("ENOTSOCK"), e.getMessage());
            assertTrue(Libc.fcntl(pipe[0], Libc.F_GETFD, 0) < 0, "descriptor left open");
        } finally {
            Libc.close(pipe[1]);
        }
    }

    @Test
    void reportsATcpSocketWithoutAPeerAsALostConnection() throws IOException {
        int fd = Libc.socket(Libc.AF_INET, Libc.SOCK_STREAM | Libc.SOCK_CLOEXEC, 0);

        var e = assertThrows(IOException.class, () -> network.adoptConnection(fd, Capture.LOCAL));

        assertTrue(e.getMessage().contains("ENOTCONN"), e.getMessage());
        assertTrue(Libc.fcntl(fd, Libc.F_GETFD, 0) < 0, "descriptor left open");
    }

    private static int connectedUnixSocket(Path path) throws NativeException {
        int fd = Libc.socket(Libc.AF_UNIX, Libc.SOCK_STREAM | Libc.SOCK_CLOEXEC, 0);
        if (fd < 0) {
            throw new NativeException("socket AF_UNIX", Libc.errno());
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment address = SockAddr.encodeUnix(path, arena);
            if (Libc.connect(fd, address, (int) address.byteSize()) < 0) {
                int errno = Libc.errno();
                Libc.close(fd);
                throw new NativeException("connect " + path, errno);
            }
        }
        return fd;
    }

    private static int[] pipe() throws NativeException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(ValueLayout.JAVA_INT, 2);
            if (Libc.pipe2(fds, Libc.O_CLOEXEC) < 0) {
                throw new NativeException("pipe2", Libc.errno());
            }
            return new int[] {fds.getAtIndex(ValueLayout.JAVA_INT, 0), fds.getAtIndex(ValueLayout.JAVA_INT, 1)};
        }
    }
}
