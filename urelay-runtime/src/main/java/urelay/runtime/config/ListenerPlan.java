// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import urelay.runtime.route.Router;
import urelay.spi.Resolver;
import urelay.spi.Rewriter;
import urelay.spi.Source;

/**
 * One listener ready to run: where connections come from and what happens to them.
 *
 * @param name        the listener's name, unique in the config
 * @param sourceType  the source provider's type, such as {@code transparent}
 * @param source      the source instance; nothing is opened yet
 * @param resolvers   asked in order until one names the destination; never empty
 * @param rewriters   applied in order; may be empty
 * @param router      picks the route, and so the sinks, for a destination
 * @param idleTimeout how long a connection may pass no bytes before it is closed;
 *                    {@link Duration#ZERO} means never
 */
public record ListenerPlan(
        String name,
        String sourceType,
        Source source,
        List<Resolver> resolvers,
        List<Rewriter> rewriters,
        Router router,
        Duration idleTimeout) {

    public ListenerPlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sourceType, "sourceType");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        resolvers = List.copyOf(resolvers);
        rewriters = List.copyOf(rewriters);
        if (resolvers.isEmpty()) {
            throw new IllegalArgumentException("a listener needs at least one resolver");
        }
        if (idleTimeout.isNegative()) {
            throw new IllegalArgumentException("idleTimeout must not be negative");
        }
    }
}
