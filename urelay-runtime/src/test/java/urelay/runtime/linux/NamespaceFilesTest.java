// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A namespace path that names anything but a namespace is refused at once, never waited on. */
class NamespaceFilesTest {

    /** Generous: a hang is what fails, not slowness. */
    private static final Duration HANG = Duration.ofSeconds(30);

    @TempDir
    Path directory;

    private Path fifo() throws Exception {
        Path fifo = directory.resolve("netns.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
            mkfifo.destroyForcibly();
            throw new AssertionError("mkfifo failed");
        }
        return fifo;
    }

    @Test
    void ownNamespaceFileIsANamespace() {
        assertEquals(Optional.empty(), NamespaceFiles.problem(Path.of("/proc/self/ns/net")));
    }

    @Test
    void fifoIsNoNamespace() throws Exception {
        Path fifo = fifo();

        assertEquals(Optional.of("is a FIFO, not a namespace"),
                assertTimeoutPreemptively(HANG, () -> NamespaceFiles.problem(fifo)));
    }

    @Test
    void ordinaryFileAndDeviceAreNoNamespaces() throws IOException {
        Path file = Files.writeString(directory.resolve("plain"), "x");

        assertEquals(Optional.of("is an ordinary file, not a namespace"), NamespaceFiles.problem(file));
        assertEquals(Optional.of("is a character device, not a namespace"),
                NamespaceFiles.problem(Path.of("/dev/null")));
    }

    @Test
    void missingPathSaysItCannotBeOpened() {
        assertEquals(Optional.of("cannot be opened: ENOENT (No such file or directory)"),
                NamespaceFiles.problem(directory.resolve("nowhere")));
    }

    @Test
    void openingSocketsInAFifoFailsAtOnceNamingThePathAndWhatIsAllowed() throws Exception {
        Path fifo = fifo();
        AtomicBoolean ran = new AtomicBoolean();

        IOException e = assertTimeoutPreemptively(HANG, () -> assertThrows(IOException.class,
                () -> Namespaces.inNamespace(fifo, () -> {
                    ran.set(true);
                    return -1;
                })));

        assertEquals("network namespace " + fifo + " is a FIFO, not a namespace; allowed: a network namespace"
                + " file, /run/netns/NAME or /proc/PID/ns/net", e.getMessage());
        assertFalse(ran.get());
    }

    @Test
    void namespaceOfAnotherKindIsRefusedByName() {
        Path mountNamespace = Path.of("/proc/self/ns/mnt");

        IOException e = assertThrows(IOException.class, () -> Namespaces.inNamespace(mountNamespace, () -> -1));

        assertEquals("network namespace /proc/self/ns/mnt is a namespace of another kind (not net); allowed:"
                + " a network namespace file, /run/netns/NAME or /proc/PID/ns/net", e.getMessage());
    }
}
