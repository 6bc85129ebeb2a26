// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.linux;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The epoll loop that wakes virtual threads waiting on non-blocking descriptors.
 *
 * <p>Each descriptor is registered once, edge-triggered, for reading and writing; the poller
 * thread (a daemon platform thread) turns every event into a bump of the descriptor's
 * {@link Readiness} counters and unparks whoever waits. Owns the epoll descriptor.
 */
public final class Poller implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("urelay.poller");

    /** {@code struct epoll_event} is packed on x86-64: a 4-byte mask then 8 bytes of data. */
    private static final long EVENT_SIZE = 12;
    private static final int MAX_EVENTS = 256;
    private static final int INTEREST =
            Libc.EPOLLIN | Libc.EPOLLOUT | Libc.EPOLLRDHUP | Libc.EPOLLET;

    private final int epfd;
    private final ConcurrentHashMap<Integer, Readiness> registered = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean closed;

    public Poller() throws NativeException {
        epfd = Libc.epollCreate1(Libc.EPOLL_CLOEXEC);
        if (epfd < 0) {
            throw new NativeException("epoll_create1", Libc.errno());
        }
        thread = Thread.ofPlatform().daemon().name("urelay-poller").start(this::loop);
    }

    /** Starts watching {@code fd}; the returned readiness must be {@linkplain #deregister released}. */
    public Readiness register(int fd) throws NativeException {
        Readiness readiness = new Readiness(fd);
        registered.put(fd, readiness);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment event = arena.allocate(EVENT_SIZE);
            event.set(JAVA_INT, 0, INTEREST);
            event.set(JAVA_LONG.withByteAlignment(4), 4, fd);
            if (Libc.epollCtl(epfd, Libc.EPOLL_CTL_ADD, fd, event) < 0) {
                int errno = Libc.errno();
                registered.remove(fd, readiness);
                throw new NativeException("epoll_ctl add fd " + fd, errno);
            }
        }
        return readiness;
    }

    /** Stops watching a descriptor before it is closed, and wakes anyone still waiting on it. */
    public void deregister(Readiness readiness) {
        // The kernel drops a closed descriptor from the set by itself; deleting first keeps a
        // reused descriptor number from inheriting this registration.
        Libc.epollCtl(epfd, Libc.EPOLL_CTL_DEL, readiness.fd(), MemorySegment.NULL);
        registered.remove(readiness.fd(), readiness);
        readiness.abort();
    }

    private void loop() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment events = arena.allocate(EVENT_SIZE * MAX_EVENTS, 8);
            while (!closed) {
                int n = Libc.epollWait(epfd, events, MAX_EVENTS, 1000);
                if (n < 0) {
                    int errno = Libc.errno();
                    if (errno != Errno.EINTR) {
                        LOG.log(System.Logger.Level.ERROR, "epoll_wait failed errno=" + Errno.name(errno));
                        return;
                    }
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    long offset = i * EVENT_SIZE;
                    int mask = events.get(JAVA_INT, offset);
                    int fd = (int) events.get(JAVA_LONG.withByteAlignment(4), offset + 4);
                    Readiness readiness = registered.get(fd);
                    if (readiness != null) {
                        readiness.signal(mask);
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Libc.close(epfd);
    }
}
