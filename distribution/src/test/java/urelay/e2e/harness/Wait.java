// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.harness;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Bounded polling: checks a condition at a fixed interval until it holds or a deadline
 * passes. Every wait in the end-to-end tests goes through here, so none can spin forever.
 */
public final class Wait {

    private static final Duration INTERVAL = Duration.ofMillis(50);

    private Wait() {
    }

    /**
     * Polls {@code condition} until it returns true, at most for {@code limit}.
     *
     * @throws AssertionError naming {@code what} when the deadline passes first
     */
    public static void until(Duration limit, String what, BooleanSupplier condition) {
        until(limit, () -> what, condition);
    }

    /**
     * Polls {@code condition} until it returns true, at most for {@code limit}.
     *
     * @param what describes what was awaited; asked for only on failure, so it can report
     *        the state at that moment
     * @throws AssertionError with that description when the deadline passes first
     */
    public static void until(Duration limit, Supplier<String> what, BooleanSupplier condition) {
        if (!poll(limit, condition)) {
            throw new AssertionError("gave up after " + limit + " waiting for " + what.get());
        }
    }

    /**
     * Polls {@code condition} until it returns true, at most for {@code limit}, and says
     * whether it did; for callers that assert on the state afterwards themselves.
     */
    public static boolean poll(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        long maxRounds = limit.toMillis() / INTERVAL.toMillis() + 1;

        for (long round = 0; round <= maxRounds; round++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() - deadline > 0) {
                break;
            }
            sleep(INTERVAL);
        }
        return false;
    }

    /** Sleeps, keeping the interrupt flag set if interrupted. */
    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
