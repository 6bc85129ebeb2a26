// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.linux;

import java.util.concurrent.locks.LockSupport;

/**
 * What the poller has seen of one descriptor, and who waits on it.
 *
 * <p>A waiter reads a counter, tries its non-blocking call, and if the call would block,
 * parks until the counter moves. Because the counter is read before the call, an event that
 * arrives between the call and the park is never lost. One thread may wait to read while
 * another waits to write. Only the poller thread bumps the counters.
 */
public final class Readiness {

    private final int fd;
    private volatile int readEvents;
    private volatile int writeEvents;
    private volatile Thread reader;
    private volatile Thread writer;
    private volatile boolean aborted;

    Readiness(int fd) {
        this.fd = fd;
    }

    public int fd() {
        return fd;
    }

    /** A token to pass to {@link #awaitReadable} after a read that would block. */
    public int readToken() {
        return readEvents;
    }

    /** A token to pass to {@link #awaitWritable} after a write that would block. */
    public int writeToken() {
        return writeEvents;
    }

    /** Whether waiting has been cut short for good, by a close or a reset of the connection. */
    public boolean aborted() {
        return aborted;
    }

    /**
     * Parks until a read event newer than {@code token}, an abort, an interrupt of the calling
     * thread (left set for the caller to see), or the deadline.
     *
     * @param deadline a {@link System#nanoTime()} value, or 0 for none
     * @return false if the deadline passed first
     */
    public boolean awaitReadable(int token, long deadline) {
        reader = Thread.currentThread();
        try {
            while (readEvents == token && !aborted && !Thread.currentThread().isInterrupted()) {
                if (!park(deadline)) {
                    return false;
                }
            }
            return true;
        } finally {
            reader = null;
        }
    }

    /** Like {@link #awaitReadable}, for writing. */
    public boolean awaitWritable(int token, long deadline) {
        writer = Thread.currentThread();
        try {
            while (writeEvents == token && !aborted && !Thread.currentThread().isInterrupted()) {
                if (!park(deadline)) {
                    return false;
                }
            }
            return true;
        } finally {
            writer = null;
        }
    }

    /** Wakes both waiters for good; the next wait returns at once. */
    public void abort() {
        aborted = true;
        wake(reader);
        wake(writer);
    }

    /** Called by the poller thread with the event mask epoll reported. */
    void signal(int mask) {
        int errorOrHangup = Libc.EPOLLERR | Libc.EPOLLHUP;
        if ((mask & (Libc.EPOLLIN | Libc.EPOLLRDHUP | errorOrHangup)) != 0) {
            readEvents++;
            wake(reader);
        }
        if ((mask & (Libc.EPOLLOUT | errorOrHangup)) != 0) {
            writeEvents++;
            wake(writer);
        }
    }

    private static boolean park(long deadline) {
        if (deadline == 0) {
            LockSupport.park();
            return true;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        LockSupport.parkNanos(left);
        return true;
    }

    private static void wake(Thread thread) {
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }
}
