// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.engine;

import java.time.Duration;

/**
 * How many connections are being handled, so stopping can wait for their audit lines.
 * Thread-safe.
 */
final class ConnectionCount {

    private int open;

    synchronized void opened() {
        open++;
    }

    synchronized void closed() {
        open--;
        if (open == 0) {
            notifyAll();
        }
    }

    /** Waits until no connection is open or {@code limit} has passed; returns how many are left. */
    synchronized int awaitNone(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (open > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return open;
    }
}
