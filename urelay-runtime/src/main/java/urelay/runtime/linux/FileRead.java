// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.linux;

/** What reading a small file with {@link SmallFiles#read} found. */
public sealed interface FileRead {

    /** The file's bytes, all of them. */
    record Content(byte[] bytes) implements FileRead {
    }

    /** The path names something other than a regular file; {@code kind} such as {@code a FIFO}. */
    record NotRegular(String kind) implements FileRead {
    }

    /** The file holds more than the limit; {@code size} is what was seen, at least limit + 1. */
    record TooLarge(long size) implements FileRead {
    }

    /** A Linux call failed, such as {@code open} with ENOENT or EACCES. */
    record Failed(NativeException error) implements FileRead {
    }
}
