// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import urelay.runtime.route.Cidr;
import urelay.runtime.route.Match;
import urelay.runtime.route.Route;
import urelay.runtime.route.Router;
import urelay.spi.BindProfile;
import urelay.spi.Rewriter;

/**
 * Reads a listener's {@code routes} list into a {@link Router}, checking every match and sink
 * name and creating each route's rewriters.
 */
final class RouteReader {

    private static final List<String> ROUTE_KEYS = List.of("match", "sink", "rewriters", "bind", "allow");

    private final Reading reading;
    private final PluginBinder binder;
    private final ObjectMapper mapper;
    private final Map<String, SinkPlan> sinks;
    private final Set<String> sinkNames;
    private final MatchReader matches;

    /**
     * @param sinks         the sinks that were created
     * @param sinkNames     every name under {@code sinks}, created or not, so a route naming a
     *                      sink that had problems of its own is not reported again
     * @param listenerNames every listener name the config gives
     */
    RouteReader(Reading reading, PluginBinder binder, ObjectMapper mapper, Map<String, SinkPlan> sinks,
            Set<String> sinkNames, Set<String> listenerNames) {
        this.reading = reading;
        this.binder = binder;
        this.mapper = mapper;
        this.sinks = sinks;
        this.sinkNames = sinkNames;
        this.matches = new MatchReader(reading, listenerNames);
    }

    /**
     * The listener's routes, or empty after reporting problems.
     *
     * @param listener the listener's name, lent to the routes' rewriters
     */
    Optional<Router> read(YamlPath path, JsonNode routes, String listener) {
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
            Optional<Route> route = route(i, path.index(i), routes.get(i), listener);
            route.ifPresent(read::add);
            complete &= route.isPresent();
        }
        return complete ? Optional.of(new Router(read)) : Optional.empty();
    }

    private Optional<Route> route(int index, YamlPath path, JsonNode route, String listener) {
        if (!reading.expectMapping(path, route, "write a route such as { match: { port: [80] }, sink: out }")) {
            return Optional.empty();
        }
        reading.checkKeys(path, route, ROUTE_KEYS);

        Optional<Match> match = matches.read(path.key("match"), route.get("match"));
        Optional<List<SinkPlan>> targets = targets(path.key("sink"), route.get("sink"));
        Optional<List<Rewriter>> rewriters = binder.rewriters(path.key("rewriters"), route.get("rewriters"), listener);
        Optional<Optional<BindProfile>> bind = bind(path.key("bind"), route.get("bind"));
        Optional<List<Cidr>> allow = matches.cidrs(path.key("allow"), route.get("allow"));
        if (match.isEmpty() || targets.isEmpty() || rewriters.isEmpty() || bind.isEmpty() || allow.isEmpty()
                || bind.get().isPresent() && !sinksTakeBind(path.key("sink"), route.get("sink"), targets.get())) {
            return Optional.empty();
        }
        return Optional.of(new Route(index, match.get(), targets.get(), rewriters.get(), bind.get(), allow.get()));
    }

    /**
     * The route's bind block, read as plugins' bind blocks are: empty inside when the key is
     * left out, and empty outside after its problems were reported.
     */
    private Optional<Optional<BindProfile>> bind(YamlPath path, JsonNode node) {
        if (Reading.absent(node)) {
            return Optional.of(Optional.empty());
        }
        try {
            return Optional.of(Optional.of(mapper.readerFor(BindProfile.class).readValue(node)));
        } catch (JsonMappingException e) {
            new BindingProblems(reading, "the route", BindProfile.class, false).report(path, e);
        } catch (IOException e) {
            reading.problems().atValue(path, "cannot read the bind block: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** Whether every sink of a route with a bind honours it; reports each sink that does not. */
    private boolean sinksTakeBind(YamlPath path, JsonNode node, List<SinkPlan> targets) {
        List<String> binding = sinks.values().stream().filter(sink -> sink.sink().acceptsBind())
                .map(SinkPlan::name).toList();
        String advice = binding.isEmpty() ? "none of the defined sinks does"
                : "sinks that take it: " + String.join(", ", binding);
        List<Reading.Item> items = reading.scalarOrList(path, node);
        boolean all = true;
        for (int i = 0; i < targets.size(); i++) {
            SinkPlan sink = targets.get(i);
            if (!sink.sink().acceptsBind()) {
                reading.problems().atValue(items.get(i).path(), "sink \"" + sink.name() + "\" (type " + sink.type()
                        + ") does not take a route's bind; remove bind from this route or name only sinks that"
                        + " take it; " + advice);
                all = false;
            }
        }
        return all;
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
