// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.engine;

import java.util.ArrayList;
import java.util.List;
import urelay.runtime.route.Match;
import urelay.runtime.route.Route;
import urelay.spi.BindProfile;

/** A route in words, as the config gave it: its conditions and its sinks. */
final class RouteText {

    private RouteText() {
    }

    static String of(Route route) {
        List<String> sinks = route.sinks().stream().map(sink -> sink.name() + " (" + sink.type() + ")").toList();
        return "match " + conditions(route.match()) + " -> sinks " + String.join(", then ", sinks)
                + (route.allow().isEmpty() ? "" : "; allow " + route.allow())
                + route.bind().map(bind -> "; bind " + bind(bind)).orElse("");
    }

    /** A bind block as the YAML writes it, with only the keys that are set. */
    private static String bind(BindProfile bind) {
        List<String> parts = new ArrayList<>();
        if (bind.address() != null) {
            parts.add("address: " + bind.address());
        }
        if (bind.device() != null) {
            parts.add("interface: " + bind.device());
        }
        if (bind.fwmark() != null) {
            parts.add("fwmark: " + bind.fwmark());
        }
        if (Boolean.TRUE.equals(bind.freebind())) {
            parts.add("freebind: true");
        }
        if (bind.transparent() != null) {
            parts.add("transparent: " + bind.transparent());
        }
        return "{" + String.join(", ", parts) + "}";
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
