// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.relay;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import urelay.runtime.linux.Libc;
import urelay.runtime.linux.NativeException;

/**
 * Empty pipes kept for reuse by the splice path. A direction holds a pipe only while bytes are
 * in flight in it, so a mostly idle connection costs no pipe; at most {@code capacity} empty
 * pipes are kept, and a pipe that is given back with bytes still in it is closed instead.
 * Thread-safe.
 */
final class PipePool implements AutoCloseable {

    private final ConcurrentLinkedDeque<Pipe> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private final int capacity;

    PipePool(int capacity) {
        this.capacity = capacity;
    }

    /** An empty pipe, from the pool or new. */
    Pipe acquire() throws NativeException {
        Pipe pipe = idle.pollFirst();
        if (pipe != null) {
            idleCount.decrementAndGet();
            return pipe;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(JAVA_INT, 2);
            if (Libc.pipe2(fds, Libc.O_NONBLOCK | Libc.O_CLOEXEC) < 0) {
                throw new NativeException("pipe2", Libc.errno());
            }
            return new Pipe(fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1));
        }
    }

    /** Takes back a pipe; {@code empty} says whether every byte was spliced out of it. */
    void release(Pipe pipe, boolean empty) {
        if (empty && idleCount.incrementAndGet() <= capacity) {
            idle.offerFirst(pipe);
            return;
        }
        if (empty) {
            idleCount.decrementAndGet();
        }
        closePipe(pipe);
    }

    /** How many empty pipes are kept now. */
    int idle() {
        return idleCount.get();
    }

    @Override
    public void close() {
        for (Pipe pipe; (pipe = idle.pollFirst()) != null; ) {
            closePipe(pipe);
        }
        idleCount.set(0);
    }

    private static void closePipe(Pipe pipe) {
        Libc.close(pipe.readFd());
        Libc.close(pipe.writeFd());
    }
}
