// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import urelay.runtime.plugin.Kind;
import urelay.runtime.route.Router;
import urelay.spi.Resolver;
import urelay.spi.Rewriter;

/** Reads the {@code listeners} list: each listener's name, source, resolvers, rewriters, routes and timeout. */
final class ListenerReader {

    /** The resolver a listener gets when its {@code resolvers} key is left out. */
    static final String DEFAULT_RESOLVER = "original-destination";
    /** How long a connection may pass no bytes when {@code idle-timeout} is left out. */
    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofHours(1);

    private static final List<String> KEYS =
            List.of("name", "source", "resolvers", "rewriters", "routes", "idle-timeout");

    private final Reading reading;
    private final PluginBinder binder;
    private final RouteReader routes;
    /** Names seen so far, with where, to report the second use of a name. */
    private final Map<String, YamlPath> names = new HashMap<>();

    ListenerReader(Reading reading, PluginBinder binder, RouteReader routes) {
        this.reading = reading;
        this.binder = binder;
        this.routes = routes;
    }

    /**
     * The names the listeners give, read ahead of the listeners themselves so a route can
     * name a listener further down; whether each name is valid is checked with its listener.
     */
    static Set<String> names(JsonNode listeners) {
        Set<String> found = new LinkedHashSet<>();
        if (listeners != null && listeners.isArray()) {
            for (JsonNode listener : listeners) {
                JsonNode name = listener.get("name");
                if (name != null && name.isValueNode() && !name.isNull()) {
                    found.add(name.asText());
                }
            }
        }
        return found;
    }

    /** The listeners, or empty when any of them has a problem. */
    Optional<List<ListenerPlan>> read(YamlPath path, JsonNode listeners) {
        String advice = "define at least one listener with a name, a source and routes";
        if (Reading.absent(listeners)) {
            reading.problems().atValue(path, "missing; " + advice);
            return Optional.empty();
        }
        if (!listeners.isArray() || listeners.isEmpty()) {
            reading.problems().atValue(path, (listeners.isArray() ? "no listeners" : "expected a list, found "
                    + Reading.describe(listeners)) + "; " + advice);
            return Optional.empty();
        }
        List<ListenerPlan> plans = new ArrayList<>();
        for (int i = 0; i < listeners.size(); i++) {
            listener(path.index(i), listeners.get(i)).ifPresent(plans::add);
        }
        return plans.size() == listeners.size() ? Optional.of(plans) : Optional.empty();
    }

    private Optional<ListenerPlan> listener(YamlPath path, JsonNode listener) {
        if (!reading.expectMapping(path, listener, "write a listener with name, source and routes")) {
            return Optional.empty();
        }
        reading.checkKeys(path, listener, KEYS);

        Optional<String> name = name(path.key("name"), listener.get("name"));
        String context = name.orElse("listener");
        var source = binder.source(path.key("source"), listener.get("source"), context);
        Optional<List<Resolver>> resolvers = resolvers(path.key("resolvers"), listener.get("resolvers"), context);
        Optional<List<Rewriter>> rewriters = binder.rewriters(path.key("rewriters"), listener.get("rewriters"),
                context);
        Optional<Router> router = routes.read(path.key("routes"), listener.get("routes"), context);
        Optional<Duration> idle = idleTimeout(path.key("idle-timeout"), listener.get("idle-timeout"));

        if (name.isEmpty() || source.isEmpty() || resolvers.isEmpty() || rewriters.isEmpty() || router.isEmpty()
                || idle.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ListenerPlan(name.get(), source.get().type(), source.get().instance(),
                resolvers.get(), rewriters.get(), router.get(), idle.get()));
    }

    private Optional<String> name(YamlPath path, JsonNode node) {
        if (Reading.absent(node)) {
            reading.problems().atValue(path, "missing; give the listener a name, such as name: private");
            return Optional.empty();
        }
        Optional<String> name = reading.text(path, node, "give the listener a name, such as name: private")
                .flatMap(text -> reading.name(path, node, false));
        if (name.isPresent()) {
            YamlPath first = names.putIfAbsent(name.get(), path);
            if (first != null) {
                reading.problems().atValue(path, "listener name \"" + name.get() + "\" is already used by "
                        + first.parent() + "; give each listener its own name");
                return Optional.empty();
            }
        }
        return name;
    }

    private Optional<List<Resolver>> resolvers(YamlPath path, JsonNode node, String context) {
        if (Reading.absent(node)) {
            JsonNode defaultBlock = JsonNodeFactory.instance.objectNode().put("type", DEFAULT_RESOLVER);
            if (!binder.offers(Kind.RESOLVER, DEFAULT_RESOLVER)) {
                reading.problems().atValue(path, "missing, and the default resolver \"" + DEFAULT_RESOLVER
                        + "\" is not installed; add a resolvers list; " + binder.knownTypes(Kind.RESOLVER));
                return Optional.empty();
            }
            return binder.resolver(path, defaultBlock, context).map(bound -> List.of(bound.instance()));
        }
        if (node.isArray() && node.isEmpty()) {
            reading.problems().atValue(path, "empty; list at least one resolver, or leave the key out to use "
                    + DEFAULT_RESOLVER);
            return Optional.empty();
        }
        return binder.list(path, node, index -> binder.resolver(path.index(index), node.get(index), context)
                .map(PluginBinder.Bound::instance));
    }

    private Optional<Duration> idleTimeout(YamlPath path, JsonNode node) {
        if (Reading.absent(node)) {
            return Optional.of(DEFAULT_IDLE_TIMEOUT);
        }
        if (!node.isTextual()) {
            reading.problems().atValue(path, Reading.describe(node) + " is not a duration; " + DurationText.ALLOWED
                    + "; 0s turns the timeout off");
            return Optional.empty();
        }
        try {
            return Optional.of(DurationText.parse(node.asText()));
        } catch (IllegalArgumentException e) {
            reading.problems().atValue(path, e.getMessage() + "; 0s turns the timeout off");
            return Optional.empty();
        }
    }
}
