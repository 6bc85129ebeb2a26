// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.route;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import urelay.runtime.config.SinkPlan;
import urelay.spi.BindProfile;
import urelay.spi.Rewriter;

/**
 * One entry of a listener's {@code routes}: a condition, the rewriters that apply once the
 * route is chosen, how outbound sockets are bound, and the sinks that take matching
 * connections.
 *
 * @param index     the entry's position in the listener's list, from 0, for logs
 * @param match     the condition; {@link Match#ANY} when the entry has no {@code match}
 * @param sinks     the sinks, in the order the config names them; never empty
 * @param rewriters applied in order to the destination after the route was chosen on it, and
 *                  before the sinks see it; may be empty
 * @param bind      how the sinks bind their outbound sockets, on top of their own settings;
 *                  when present, every sink {@linkplain urelay.spi.Sink#acceptsBind() accepts}
 *                  a bind
 * @param allow     the ranges this route may reach despite the guard on destinations (the
 *                  config's {@code allow}); only read and kept here, for that guard to consult
 */
public record Route(int index, Match match, List<SinkPlan> sinks, List<Rewriter> rewriters,
        Optional<BindProfile> bind, List<Cidr> allow) {

    /** @throws IllegalArgumentException if a part is missing, or a sink cannot take the bind */
    public Route {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(bind, "bind");
        sinks = List.copyOf(sinks);
        rewriters = List.copyOf(rewriters);
        allow = List.copyOf(allow);
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative");
        }
        if (sinks.isEmpty()) {
            throw new IllegalArgumentException("a route needs at least one sink");
        }
        if (bind.isPresent()) {
            sinks.stream().filter(sink -> !sink.sink().acceptsBind()).findFirst().ifPresent(sink -> {
                throw new IllegalArgumentException("sink " + sink.name() + " does not take a route's bind");
            });
        }
    }

    /** A route that only picks sinks: no rewriters, bind or allowed ranges of its own. */
    public Route(int index, Match match, List<SinkPlan> sinks) {
        this(index, match, sinks, List.of(), Optional.empty(), List.of());
    }
}
