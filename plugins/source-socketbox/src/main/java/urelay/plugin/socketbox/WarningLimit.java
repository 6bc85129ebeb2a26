// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.socketbox;

import static java.lang.System.Logger.Level.WARNING;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Lets one warning a second through to the log and counts the ones held back, which the next
 * warning let through reports as {@code unlogged_before=N}. Every warning a sender can cause
 * goes through one of these per source, so no sender can flood the log. Thread-safe.
 */
final class WarningLimit {

    private static final System.Logger LOG = System.getLogger("urelay.socketbox");
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final LongSupplier clock;
    private final Consumer<String> log;
    private long last;
    private long held;

    WarningLimit() {
        this(System::nanoTime, line -> LOG.log(WARNING, line));
    }

    /** With a clock in nanoseconds and a place for the lines let through, for tests. */
    WarningLimit(LongSupplier clock, Consumer<String> log) {
        this.clock = clock;
        this.log = log;
        this.last = clock.getAsLong() - INTERVAL_NANOS;
    }

    /** Logs {@code line} at warning level unless another went out less than a second ago. */
    void warn(String line) {
        String text;
        synchronized (this) {
            long now = clock.getAsLong();
            if (now - last < INTERVAL_NANOS) {
                held++;
                return;
            }
            text = held == 0 ? line : line + " unlogged_before=" + held;
            last = now;
            held = 0;
        }
        log.accept(text);
    }
}
