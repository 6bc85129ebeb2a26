// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.linux;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a piece of work inside another network namespace. The work runs on a fresh platform
 * thread that calls {@code setns} and ends afterwards, so every other thread of urelay stays
 * in its own namespace. Sockets made there keep that namespace for life.
 */
final class Namespaces {

    /** Work that makes a socket and may fail with a native error. */
    interface SocketWork {
        int run() throws IOException;
    }

    private Namespaces() {
    }

    /** Runs {@code work} inside the namespace named by the file {@code netns}; returns its result. */
    static int inNamespace(Path netns, SocketWork work) throws IOException {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().name("urelay-netns").start(() -> {
            try {
                enter(netns);
                outcome.set(work.run());
            } catch (IOException | RuntimeException e) {
                outcome.set(e);
            }
        });
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while opening a socket in " + netns, e);
        }
        return switch (outcome.get()) {
            case Integer fd -> fd;
            case IOException e -> throw e;
            case RuntimeException e -> throw e;
            default -> throw new IllegalStateException("namespace work ended without a result");
        };
    }

    private static void enter(Path netns) throws IOException {
        int nsfd = NamespaceFiles.open(netns);
        try {
            if (Libc.setns(nsfd, Libc.CLONE_NEWNET) >= 0) {
                return;
            }
            int errno = Libc.errno();
            if (errno == Errno.EINVAL) {
                throw new IOException("network namespace " + netns + " is a namespace of another kind (not net); "
                        + NamespaceFiles.ALLOWED);
            }
            throw new NativeException("setns " + netns, errno);
        } finally {
            Libc.close(nsfd);
        }
    }
}
