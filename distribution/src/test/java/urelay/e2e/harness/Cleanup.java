// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.harness;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Collects what a test set up and closes it in reverse order. A failure while closing one
 * thing does not stop the rest from being closed; the first failure is thrown at the end
 * with the others attached as suppressed.
 */
public final class Cleanup implements AutoCloseable {

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    /** Registers {@code resource} to be closed by {@link #close()} and returns it. */
    public <T extends AutoCloseable> T add(T resource) {
        resources.push(resource);
        return resource;
    }

    @Override
    public void close() {
        RuntimeException failure = null;

        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("cleanup failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
