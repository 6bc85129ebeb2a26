// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.audit;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import urelay.spi.Outcome;

/**
 * What the audit log says about one relayed connection, written once when it ends. Text
 * fields that have no value hold {@code -}.
 *
 * @param id               the connection id, as the engine's log lines name it
 * @param start            when the connection was accepted
 * @param listener         the listener's name
 * @param client           the client's address and port
 * @param destination      where the client wanted to go, as resolved, or {@code -}
 * @param finalDestination the destination after rewriting, or {@code -}
 * @param sink             the name of the sink that took it, or {@code -}
 * @param upstream         where the sink's stream leads, or {@code -}
 * @param upBytes          bytes relayed from the client to the upstream
 * @param downBytes        bytes relayed from the upstream to the client
 * @param duration         from accept to the end
 * @param outcome          how it ended
 * @param detail           a short reason, such as an errno name, or {@code -}
 * @param guard            what the guard decided: {@code -} for an ordinary destination,
 *                         {@code allowed:RANGE(REASON)} when a route's allow list opened it,
 *                         {@code forbidden:REASON} when it refused it
 */
public record AuditRecord(
        String id,
        Instant start,
        String listener,
        InetSocketAddress client,
        String destination,
        String finalDestination,
        String sink,
        String upstream,
        long upBytes,
        long downBytes,
        Duration duration,
        Outcome outcome,
        String detail,
        String guard) {

    /** @throws IllegalArgumentException if a byte count or the duration is negative */
    public AuditRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(finalDestination, "finalDestination");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(guard, "guard");
        if (upBytes < 0 || downBytes < 0) {
            throw new IllegalArgumentException("byte counts must not be negative");
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative");
        }
    }
}
