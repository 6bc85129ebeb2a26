// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.route;

import java.util.List;
import java.util.Objects;
import urelay.runtime.config.SinkPlan;
import urelay.spi.Rewriter;

/**
 * One entry of a listener's {@code routes}: a condition, the rewriters that apply once the
 * route is chosen, and the sinks that take matching connections.
 *
 * @param index     the entry's position in the listener's list, from 0, for logs
 * @param match     the condition; {@link Match#ANY} when the entry has no {@code match}
 * @param sinks     the sinks, in the order the config names them; never empty
 * @param rewriters applied in order to the destination after the route was chosen on it, and
 *                  before the sinks see it; may be empty
 */
public record Route(int index, Match match, List<SinkPlan> sinks, List<Rewriter> rewriters) {

    public Route {
        Objects.requireNonNull(match, "match");
        sinks = List.copyOf(sinks);
        rewriters = List.copyOf(rewriters);
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative");
        }
        if (sinks.isEmpty()) {
            throw new IllegalArgumentException("a route needs at least one sink");
        }
    }

    /** A route that only picks sinks: no rewriters of its own. */
    public Route(int index, Match match, List<SinkPlan> sinks) {
        this(index, match, sinks, List.of());
    }
}
