// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import urelay.runtime.plugin.Kind;
import urelay.runtime.plugin.Lookup;
import urelay.runtime.plugin.PluginRegistry;
import urelay.spi.Network;
import urelay.spi.PluginContext;
import urelay.spi.PluginProvider;
import urelay.spi.Resolver;
import urelay.spi.ResolverProvider;
import urelay.spi.Rewriter;
import urelay.spi.RewriterProvider;
import urelay.spi.Sink;
import urelay.spi.SinkProvider;
import urelay.spi.Source;
import urelay.spi.SourceProvider;

/**
 * Turns one plugin block of the config ({@code { type: direct, connect-timeout: 5s }}) into a
 * plugin instance: picks the provider by role and {@code type}, binds the other keys to the
 * provider's config record, and calls {@code create}. Everything that goes wrong, in the
 * runtime or in the plugin, becomes a problem at the right place; nothing is thrown.
 */
final class PluginBinder {

    private final Reading reading;
    private final PluginRegistry registry;
    private final Network network;
    private final ObjectMapper mapper;

    PluginBinder(Reading reading, PluginRegistry registry, Network network, ObjectMapper mapper) {
        this.reading = reading;
        this.registry = registry;
        this.network = network;
        this.mapper = mapper;
    }

    /** A plugin instance and the type of the provider that made it. */
    record Bound<T>(String type, T instance) {
    }

    Optional<Bound<Source>> source(YamlPath path, JsonNode block, String name) {
        return bind(Kind.SOURCE, path, block, name, registry::source, PluginBinder::newSource);
    }

    Optional<Bound<Resolver>> resolver(YamlPath path, JsonNode block, String name) {
        return bind(Kind.RESOLVER, path, block, name, registry::resolver, PluginBinder::newResolver);
    }

    Optional<Bound<Rewriter>> rewriter(YamlPath path, JsonNode block, String name) {
        return bind(Kind.REWRITER, path, block, name, registry::rewriter, PluginBinder::newRewriter);
    }

    Optional<Bound<Sink>> sink(YamlPath path, JsonNode block, String name) {
        return bind(Kind.SINK, path, block, name, registry::sink, PluginBinder::newSink);
    }

    /**
     * A {@code rewriters} list (a listener's or a route's): each block made into a rewriter, in
     * order; an absent list is empty.
     *
     * @param name the name lent to each rewriter: the listener's
     */
    Optional<List<Rewriter>> rewriters(YamlPath path, JsonNode node, String name) {
        if (Reading.absent(node)) {
            return Optional.of(List.of());
        }
        return list(path, node, index -> rewriter(path.index(index), node.get(index), name).map(Bound::instance));
    }

    /** A list of plugin blocks made one by one with {@code one}, or empty when any has a problem. */
    <T> Optional<List<T>> list(YamlPath path, JsonNode node, IntFunction<Optional<T>> one) {
        if (!node.isArray()) {
            reading.problems().atValue(path, "expected a list of plugin blocks, found " + Reading.describe(node)
                    + "; write a list such as [ { type: NAME } ]");
            return Optional.empty();
        }
        List<T> made = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            one.apply(i).ifPresent(made::add);
        }
        return made.size() == node.size() ? Optional.of(made) : Optional.empty();
    }

    /** Whether a provider of {@code type} is installed for the role. */
    boolean offers(Kind kind, String type) {
        return registry.types(kind).contains(type);
    }

    /** Says which types a role offers, for the end of a problem line. */
    String knownTypes(Kind kind) {
        var types = registry.types(kind);
        return types.isEmpty()
                ? "no " + kind.word() + " plugins are installed (see urelay plugins)"
                : "known " + kind.word() + " types: " + String.join(", ", types);
    }

    /** Names the plugins of the role that failed to load, for the end of an unknown-type problem. */
    private String notLoaded(Kind kind) {
        return registry.failures(kind).stream()
                .map(failure -> "; not loaded: " + failure.plugin() + ": " + failure.reason())
                .collect(Collectors.joining());
    }

    private <P extends PluginProvider<?>, T> Optional<Bound<T>> bind(Kind kind, YamlPath path, JsonNode block,
            String name, Function<String, Lookup<P>> lookup, Creator<P, T> creator) {
        if (Reading.absent(block)) {
            reading.problems().atValue(path, "missing; write a " + kind.word() + " block with a type key; "
                    + knownTypes(kind));
            return Optional.empty();
        }
        if (!reading.expectMapping(path, block, "write a mapping with a type key, such as { type: "
                + registry.types(kind).stream().findFirst().orElse("NAME") + " }")) {
            return Optional.empty();
        }
        Optional<String> type = type(kind, path, block);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Optional<P> provider = provider(kind, path.key("type"), type.get(), lookup.apply(type.get()));
        if (provider.isEmpty()) {
            return Optional.empty();
        }
        Optional<Record> config = config(kind, path, block, type.get(), provider.get());
        if (config.isEmpty()) {
            return Optional.empty();
        }
        return create(kind, path, type.get(), provider.get(), config.get(), new PluginContext(name, network), creator)
                .map(instance -> new Bound<>(type.get(), instance));
    }

    private Optional<String> type(Kind kind, YamlPath path, JsonNode block) {
        JsonNode type = block.get("type");
        if (Reading.absent(type)) {
            reading.problems().atValue(path, "missing key \"type\"; " + knownTypes(kind));
            return Optional.empty();
        }
        return reading.text(path.key("type"), type, knownTypes(kind));
    }

    private <P extends PluginProvider<?>> Optional<P> provider(Kind kind, YamlPath typePath, String type,
            Lookup<P> found) {
        return switch (found) {
            case Lookup.Found<P> one -> Optional.of(one.provider());
            case Lookup.Unknown<P> unknown -> {
                reading.problems().atValue(typePath,
                        "unknown " + kind.word() + " type \"" + type + "\""
                                + Suggestion.didYouMean(type, registry.types(kind)) + "; " + knownTypes(kind)
                                + notLoaded(kind));
                yield Optional.empty();
            }
            case Lookup.Duplicate<P> duplicate -> {
                reading.problems().atValue(typePath, kind.word() + " type \"" + type
                        + "\" is provided more than once, by " + String.join(" and by ", duplicate.origins())
                        + "; keep only one of these plugins");
                yield Optional.empty();
            }
        };
    }

    private Optional<Record> config(Kind kind, YamlPath path, JsonNode block, String type,
            PluginProvider<?> provider) {
        ObjectNode settings = block.deepCopy();
        settings.remove("type");
        if (BindingProblems.forPlugin(reading, kind, type, provider.configType()).reportUnknownKeys(path, settings)) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readerFor(provider.configType()).readValue(settings));
        } catch (JsonMappingException e) {
            BindingProblems.forPlugin(reading, kind, type, provider.configType()).report(path, e);
        } catch (IOException | RuntimeException e) {
            reading.problems().atValue(path, "the " + kind.word() + " plugin \"" + type
                    + "\" could not read its settings: " + e);
        }
        return Optional.empty();
    }

    private <P, T> Optional<T> create(Kind kind, YamlPath path, String type, P provider, Record config,
            PluginContext context, Creator<P, T> creator) {
        try {
            T instance = creator.create(provider, config, context);
            if (instance == null) {
                reading.problems().atValue(path, "the " + kind.word() + " plugin \"" + type
                        + "\" created nothing; report this to the plugin's authors");
            }
            return Optional.ofNullable(instance);
        } catch (IllegalArgumentException e) {
            BindingProblems.forPlugin(reading, kind, type, config.getClass())
                    .reportPluginMessage(path, e.getMessage());
        } catch (RuntimeException e) {
            reading.problems().atValue(path, "the " + kind.word() + " plugin \"" + type + "\" failed: " + e
                    + "; report this to the plugin's authors");
        }
        return Optional.empty();
    }

    /** Calls a provider's {@code create} with its own config type. */
    @FunctionalInterface
    private interface Creator<P, T> {
        T create(P provider, Record config, PluginContext context);
    }

    private static <C extends Record> Source newSource(SourceProvider<C> provider, Record config,
            PluginContext context) {
        return provider.create(provider.configType().cast(config), context);
    }

    private static <C extends Record> Resolver newResolver(ResolverProvider<C> provider, Record config,
            PluginContext context) {
        return provider.create(provider.configType().cast(config), context);
    }

    private static <C extends Record> Rewriter newRewriter(RewriterProvider<C> provider, Record config,
            PluginContext context) {
        return provider.create(provider.configType().cast(config), context);
    }

    private static <C extends Record> Sink newSink(SinkProvider<C> provider, Record config, PluginContext context) {
        return provider.create(provider.configType().cast(config), context);
    }
}
