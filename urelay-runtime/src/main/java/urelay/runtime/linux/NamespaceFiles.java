// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.linux;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens and checks namespace files ({@code /run/netns/NAME}, {@code /proc/PID/ns/net}) without
 * ever waiting on what the path names: the open is non-blocking, so a FIFO or a device given
 * by mistake is refused at once instead of hanging, and only a file of the kernel's namespace
 * file system (nsfs) is accepted. Runs on the calling thread.
 */
public final class NamespaceFiles {

    /** What a problem says is allowed instead. */
    public static final String ALLOWED = "allowed: a network namespace file, /run/netns/NAME or /proc/PID/ns/net";

    private NamespaceFiles() {
    }

    /**
     * Why {@code path} is not a namespace file, such as {@code is a FIFO, not a namespace}, or
     * empty when it is one. A path that cannot be opened says so with the errno.
     */
    public static Optional<String> problem(Path path) {
        int fd = OpenedFiles.openWithoutWaiting(path);
        if (fd < 0) {
            int errno = Libc.errno();
            return Optional.of("cannot be opened: " + Errno.name(errno) + " (" + Libc.strerror(errno) + ")");
        }
        try {
            return notNsfs(fd);
        } finally {
            Libc.close(fd);
        }
    }

    /**
     * Opens {@code netns} for {@code setns}.
     *
     * @return the open descriptor; the caller closes it
     * @throws IOException naming the path and what is allowed when it is not a namespace file
     */
    static int open(Path netns) throws IOException {
        int fd = OpenedFiles.openWithoutWaiting(netns);
        if (fd < 0) {
            throw new NativeException("open network namespace " + netns, Libc.errno());
        }
        Optional<String> problem = notNsfs(fd);
        if (problem.isPresent()) {
            Libc.close(fd);
            throw new IOException("network namespace " + netns + " " + problem.get() + "; " + ALLOWED);
        }
        return fd;
    }

    private static Optional<String> notNsfs(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fs = arena.allocate(Libc.STATFS_BYTES, 8);
            if (Libc.fstatfs(fd, fs) == 0 && fs.get(ValueLayout.JAVA_LONG, 0) == Libc.NSFS_MAGIC) {
                return Optional.empty();
            }
            return Optional.of(OpenedFiles.stat(fd)
                    .map(stat -> "is " + OpenedFiles.kind(stat.type()) + ", not a namespace")
                    .orElse("is not a namespace"));
        }
    }
}
