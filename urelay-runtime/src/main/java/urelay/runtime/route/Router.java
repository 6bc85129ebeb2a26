// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.route;

import java.util.List;
import java.util.Optional;

/**
 * Picks a listener's route for a connection: the routes are tried in order and the first
 * whose match holds wins. The destination it is asked about is the one the listener's
 * rewriters produced. Immutable; any thread may call it.
 */
public final class Router {

    private final List<Route> routes;

    /** @param routes in the config's order */
    public Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** The routes, in order. */
    public List<Route> routes() {
        return routes;
    }

    /** The first route whose match holds for {@code query}, or empty for none. */
    public Optional<Route> route(RouteQuery query) {
        for (Route route : routes) {
            if (route.match().matches(query)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "Router" + routes;
    }
}
