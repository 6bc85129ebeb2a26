// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.engine;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The threads handling connections now, so stopping can cut short the ones still setting up
 * their upstream and wait for every audit line. Thread-safe.
 */
final class OpenConnections {

    private final Set<Thread> open = new HashSet<>();
    private volatile boolean stopping;

    synchronized void opened(Thread thread) {
        open.add(thread);
    }

    synchronized void closed(Thread thread) {
        open.remove(thread);
        if (open.isEmpty()) {
            notifyAll();
        }
    }

    /** Whether urelay is stopping, so a connection that fails now failed because of that. */
    boolean stopping() {
        return stopping;
    }

    /**
     * Marks urelay as stopping and interrupts every connection thread: a thread parked on a
     * runtime socket (a sink's connect or handshake) wakes with an error, a relaying one has
     * already been cut by the relay.
     */
    synchronized void stopAll() {
        stopping = true;
        open.forEach(Thread::interrupt);
    }

    /** Waits until no connection is open or {@code limit} has passed; returns how many are left. */
    synchronized int awaitNone(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!open.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return open.size();
    }
}
