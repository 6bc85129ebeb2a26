// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opening a path a user named without ever waiting on what it turns out to be, and asking
 * the opened descriptor (not the path, which could change in between) what it is. Shared by
 * {@link SmallFiles} and {@link NamespaceFiles}. Runs on the calling thread.
 */
final class OpenedFiles {

    private OpenedFiles() {
    }

    /** A file's type ({@code S_IFMT} bits) and size, as {@code statx} reports them. */
    record Stat(int type, long size) {
    }

    /**
     * Opens {@code path} for reading with {@code O_NONBLOCK}, so a FIFO or a device cannot
     * stall the open, and {@code O_NOCTTY}, so a terminal never becomes urelay's.
     *
     * @return the descriptor, or a negative number with the reason in {@link Libc#errno()}
     */
    static int openWithoutWaiting(Path path) {
        try (Arena arena = Arena.ofConfined()) {
            return Libc.open(arena.allocateFrom(path.toString()),
                    Libc.O_RDONLY | Libc.O_NONBLOCK | Libc.O_CLOEXEC | Libc.O_NOCTTY);
        }
    }

    /** The type and size of the open file {@code fd}, or empty with the reason in {@link Libc#errno()}. */
    static Optional<Stat> stat(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment stat = arena.allocate(Libc.STATX_BYTES, 8);
            if (Libc.fstatx(fd, Libc.STATX_TYPE | Libc.STATX_SIZE, stat) < 0) {
                return Optional.empty();
            }
            int type = Short.toUnsignedInt(stat.get(ValueLayout.JAVA_SHORT, Libc.STATX_MODE_OFFSET)) & Libc.S_IFMT;
            return Optional.of(new Stat(type, stat.get(ValueLayout.JAVA_LONG, Libc.STATX_SIZE_OFFSET)));
        }
    }

    /** How a problem names a file type ({@code S_IFMT} bits), such as {@code a FIFO}. */
    static String kind(int type) {
        return switch (type) {
            case Libc.S_IFREG -> "an ordinary file";
            case Libc.S_IFDIR -> "a directory";
            case Libc.S_IFIFO -> "a FIFO";
            case Libc.S_IFCHR -> "a character device";
            case Libc.S_IFBLK -> "a block device";
            case Libc.S_IFSOCK -> "a socket";
            default -> "an unusual kind of file";
        };
    }
}
