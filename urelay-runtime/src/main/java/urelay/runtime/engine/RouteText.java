// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.engine;

import java.util.ArrayList;
import java.util.List;
import urelay.runtime.route.Match;
import urelay.runtime.route.Route;

/** A route in words, as the config gave it: its conditions and its sinks. */
final class RouteText {

    private RouteText() {
    }

    static String of(Route route) {
        List<String> sinks = route.sinks().stream().map(sink -> sink.name() + " (" + sink.type() + ")").toList();
        return "match " + conditions(route.match()) + " -> sinks " + String.join(", then ", sinks)
                + (route.allow().isEmpty() ? "" : "; allow " + route.allow())
                + (route.bind().isPresent() ? "; bind " + route.bind().get() : "");
    }

    private static String conditions(Match match) {
        List<String> parts = new ArrayList<>();
        add(parts, "listener", match.listeners());
        add(parts, "client-cidr", match.clients());
        add(parts, "cidr", match.cidrs());
        add(parts, "port", match.ports());
        add(parts, "domain", match.domains());
        return parts.isEmpty() ? "(any)" : "{" + String.join(", ", parts) + "}";
    }

    private static void add(List<String> parts, String key, List<?> values) {
        if (!values.isEmpty()) {
            parts.add(key + ": " + values);
        }
    }
}
