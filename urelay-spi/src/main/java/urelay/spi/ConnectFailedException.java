// SPDX-License-Identifier: Apache-2.0
package urelay.spi;

import java.io.IOException;
import java.util.Objects;

/**
 * An outbound connection attempt through {@link Network} failed. Carries the outcome a sink
 * should report, so a sink can turn it into {@link SinkResult.Failed} without inspecting
 * error numbers.
 */
public final class ConnectFailedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final Outcome outcome;
    private final String errno;

    /**
     * @param outcome the audit outcome this failure means
     * @param errno   the Linux error name, such as {@code ECONNREFUSED}, or {@code -}
     * @param message what failed, for the log
     */
    public ConnectFailedException(Outcome outcome, String errno, String message) {
        super(message);
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.errno = Objects.requireNonNull(errno, "errno");
    }

    /** The audit outcome this failure means. */
    public Outcome outcome() {
        return outcome;
    }

    /** The Linux error name, such as {@code ECONNREFUSED}, or {@code -} when there is none. */
    public String errno() {
        return errno;
    }

    /** This failure as a sink result. */
    public SinkResult.Failed toResult() {
        return new SinkResult.Failed(outcome, errno.equals("-") ? getMessage() : errno);
    }
}
