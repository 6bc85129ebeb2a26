// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import urelay.runtime.route.Cidr;
import urelay.runtime.route.Match;
import urelay.runtime.route.PortRange;
import urelay.runtime.route.Route;
import urelay.runtime.route.Router;

/** Reads a listener's {@code routes} list into a {@link Router}, checking every match and sink name. */
final class RouteReader {

    private static final List<String> ROUTE_KEYS = List.of("match", "sink");
    private static final List<String> MATCH_KEYS = List.of("cidr", "port");
    private static final String CIDR_ALLOWED = "write an address and prefix length, such as 203.0.113.0/24"
            + " or 2001:db8::/32 (0-32 for IPv4, 0-128 for IPv6)";
    private static final String PORT_ALLOWED = "allowed a port 1-65535 such as 80, or a range such as 8000-8999"
            + " whose start is not above its end";

    private final Reading reading;
    private final Map<String, SinkPlan> sinks;
    private final Set<String> sinkNames;

    /**
     * @param sinks     the sinks that were created
     * @param sinkNames every name under {@code sinks}, created or not, so a route naming a
     *                  sink that had problems of its own is not reported again
     */
    RouteReader(Reading reading, Map<String, SinkPlan> sinks, Set<String> sinkNames) {
        this.reading = reading;
        this.sinks = sinks;
        this.sinkNames = sinkNames;
    }

    Optional<Router> read(YamlPath path, JsonNode routes) {
        if (Reading.absent(routes)) {
            reading.problems().atValue(path, "missing; add at least one route, such as routes: [ { sink: "
                    + sinkNames.stream().findFirst().orElse("out") + " } ]");
            return Optional.empty();
        }
        if (!routes.isArray() || routes.isEmpty()) {
            reading.problems().atValue(path, "expected a list of routes, found " + (routes.isArray() ? "an empty list"
                    : Reading.describe(routes)) + "; add at least one route, such as - sink: NAME");
            return Optional.empty();
        }
        List<Route> read = new ArrayList<>();
        boolean complete = true;
        for (int i = 0; i < routes.size(); i++) {
            Optional<Route> route = route(i, path.index(i), routes.get(i));
            route.ifPresent(read::add);
            complete &= route.isPresent();
        }
        return complete ? Optional.of(new Router(read)) : Optional.empty();
    }

    private Optional<Route> route(int index, YamlPath path, JsonNode route) {
        if (!reading.expectMapping(path, route, "write a route such as { match: { port: [80] }, sink: out }")) {
            return Optional.empty();
        }
        reading.checkKeys(path, route, ROUTE_KEYS);

        Optional<Match> match = match(path.key("match"), route.get("match"));
        Optional<List<SinkPlan>> targets = targets(path.key("sink"), route.get("sink"));
        if (match.isEmpty() || targets.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Route(index, match.get(), targets.get()));
    }

    private Optional<Match> match(YamlPath path, JsonNode match) {
        if (Reading.absent(match)) {
            return Optional.of(Match.ANY);
        }
        if (!reading.expectMapping(path, match, "write a match such as { cidr: [203.0.113.0/24], port: [80] }")) {
            return Optional.empty();
        }
        reading.checkKeys(path, match, MATCH_KEYS);

        List<Cidr> cidrs = new ArrayList<>();
        List<PortRange> ports = new ArrayList<>();
        boolean complete = true;
        for (Reading.Item item : items(path.key("cidr"), match.get("cidr"))) {
            Optional<Cidr> cidr = cidr(item);
            cidr.ifPresent(cidrs::add);
            complete &= cidr.isPresent();
        }
        for (Reading.Item item : items(path.key("port"), match.get("port"))) {
            Optional<PortRange> range = ports(item);
            range.ifPresent(ports::add);
            complete &= range.isPresent();
        }
        return complete ? Optional.of(new Match(cidrs, ports)) : Optional.empty();
    }

    private List<Reading.Item> items(YamlPath path, JsonNode node) {
        return Reading.absent(node) ? List.of() : reading.scalarOrList(path, node);
    }

    private Optional<Cidr> cidr(Reading.Item item) {
        Optional<String> text = reading.text(item.path(), item.node(), CIDR_ALLOWED);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Cidr.parse(text.get().strip()));
        } catch (IllegalArgumentException e) {
            reading.problems().atValue(item.path(), "\"" + text.get() + "\" is not a CIDR prefix: " + e.getMessage()
                    + "; " + CIDR_ALLOWED);
            return Optional.empty();
        }
    }

    private Optional<PortRange> ports(Reading.Item item) {
        Optional<String> text = reading.text(item.path(), item.node(), PORT_ALLOWED);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PortRange.parse(text.get()));
        } catch (IllegalArgumentException e) {
            reading.problems().atValue(item.path(), e.getMessage() + "; " + PORT_ALLOWED);
            return Optional.empty();
        }
    }

    private Optional<List<SinkPlan>> targets(YamlPath path, JsonNode sink) {
        if (Reading.absent(sink) || sink.isArray() && sink.isEmpty()) {
            reading.problems().atValue(path, "missing; name the sink that takes these connections, "
                    + definedSinks());
            return Optional.empty();
        }
        Set<String> names = new LinkedHashSet<>();
        boolean complete = true;
        for (Reading.Item item : reading.scalarOrList(path, sink)) {
            Optional<String> name = reading.text(item.path(), item.node(), definedSinks());
            if (name.isEmpty()) {
                complete = false;
            } else if (!sinkNames.contains(name.get())) {
                reading.problems().atValue(item.path(), "no sink named \"" + name.get() + "\""
                        + Suggestion.didYouMean(name.get(), sinkNames) + "; " + definedSinks());
                complete = false;
            } else if (!names.add(name.get())) {
                reading.problems().atValue(item.path(), "sink \"" + name.get() + "\" is named twice in this route;"
                        + " name each sink once");
                complete = false;
            }
        }
        if (!complete || !sinks.keySet().containsAll(names)) {
            return Optional.empty();
        }
        return Optional.of(names.stream().map(sinks::get).toList());
    }

    private String definedSinks() {
        return sinkNames.isEmpty() ? "no sinks are defined; add one under sinks"
                : "defined sinks: " + String.join(", ", sinkNames);
    }
}
