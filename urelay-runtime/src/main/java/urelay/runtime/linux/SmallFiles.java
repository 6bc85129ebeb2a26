// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a small file, such as a config, without ever waiting on what the path names: it opens
 * with {@code O_NONBLOCK}, so a FIFO or a device cannot stall the open, looks at the opened
 * descriptor (not the path, which could change in between) and reads only a regular file, and
 * never more than a limit, so {@code /dev/zero} or a huge file cannot exhaust memory. Symbolic
 * links are followed. Runs on the calling thread; the descriptor is closed before returning.
 */
public final class SmallFiles {

    private static final int CHUNK = 64 * 1024;

    private SmallFiles() {
    }

    /** Reads {@code path} if it is a regular file of at most {@code limit} bytes. */
    public static FileRead read(Path path, int limit) {
        int fd = OpenedFiles.openWithoutWaiting(path);
        if (fd < 0) {
            return new FileRead.Failed(new NativeException("open " + path, Libc.errno()));
        }
        try {
            return readOpen(path, fd, limit);
        } finally {
            Libc.close(fd);
        }
    }

    private static FileRead readOpen(Path path, int fd, int limit) {
        Optional<OpenedFiles.Stat> stat = OpenedFiles.stat(fd);
        if (stat.isEmpty()) {
            return new FileRead.Failed(new NativeException("statx " + path, Libc.errno()));
        }
        if (stat.get().type() != Libc.S_IFREG) {
            return new FileRead.NotRegular(OpenedFiles.kind(stat.get().type()));
        }
        if (stat.get().size() > limit) {
            return new FileRead.TooLarge(stat.get().size());
        }
        try (Arena arena = Arena.ofConfined()) {
            return readAll(path, fd, limit, arena);
        }
    }

    /** Reads to the end, since files such as those under /proc say 0 bytes and still have some. */
    private static FileRead readAll(Path path, int fd, int limit, Arena arena) {
        MemorySegment buffer = arena.allocate(limit + 1L);
        long total = 0;
        while (total <= limit) {
            long want = Math.min(CHUNK, limit + 1L - total);
            long got = Libc.read(fd, buffer.asSlice(total, want), want);
            if (got < 0) {
                int errno = Libc.errno();
                if (errno == Errno.EINTR) {
                    continue;
                }
                return new FileRead.Failed(new NativeException("read " + path, errno));
            }
            if (got == 0) {
                return new FileRead.Content(buffer.asSlice(0, total).toArray(ValueLayout.JAVA_BYTE));
            }
            total += got;
        }
        return new FileRead.TooLarge(total);
    }
}
