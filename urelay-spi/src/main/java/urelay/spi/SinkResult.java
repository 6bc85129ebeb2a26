// SPDX-License-Identifier: Apache-2.0
package urelay.spi;

import java.util.Objects;

/** What a {@link Sink} made of a connection attempt: an upstream stream, or a failure. */
public sealed interface SinkResult permits SinkResult.Connected, SinkResult.Failed {

    /**
     * The sink is connected; the runtime now owns {@code upstream} and relays to it.
     *
     * @param upstream    the stream to the destination
     * @param description where the stream leads, for the audit line (for example
     *                    {@code 198.51.100.7:80} or {@code socks5:127.0.0.1:1080})
     */
    record Connected(ByteStream upstream, String description) implements SinkResult {
        public Connected {
            Objects.requireNonNull(upstream, "upstream");
            Objects.requireNonNull(description, "description");
        }
    }

    /**
     * The sink could not connect; the runtime resets the client and logs the outcome.
     *
     * @param outcome any outcome but {@link Outcome#OK}
     * @param detail  a short phrase for the log, such as {@code ECONNREFUSED}; no secrets
     */
    record Failed(Outcome outcome, String detail) implements SinkResult {
        public Failed {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(detail, "detail");
            if (outcome == Outcome.OK) {
                throw new IllegalArgumentException("a failure cannot have the outcome ok");
            }
        }
    }
}
