// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.plugin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;
import urelay.spi.PluginProvider;
import urelay.spi.ResolverProvider;
import urelay.spi.RewriterProvider;
import urelay.spi.SinkProvider;
import urelay.spi.SourceProvider;

/**
 * The plugin providers {@link ServiceLoader} found, indexed by role and type. Loading never
 * fails: a provider that cannot be instantiated, and a type claimed by two providers of one
 * role, become lines in {@link #problems()}. Immutable once loaded; any thread may use it.
 */
public final class PluginRegistry {

    /** Stops a loader that keeps failing on the same entry from looping forever. */
    private static final int MAX_FAILURES_PER_ROLE = 100;

    private final Map<Kind, Map<String, List<Entry>>> byKind;
    private final List<String> problems;

    private PluginRegistry(Map<Kind, Map<String, List<Entry>>> byKind, List<String> problems) {
        this.byKind = byKind;
        this.problems = List.copyOf(problems);
    }

    /** Loads the providers of every module in {@code layer} and its parents (module path). */
    public static PluginRegistry load(ModuleLayer layer) {
        return load(service -> ServiceLoader.load(layer, service));
    }

    /** Loads the providers {@code loader} sees, {@code META-INF/services} included (class path). */
    public static PluginRegistry load(ClassLoader loader) {
        return load(service -> ServiceLoader.load(service, loader));
    }

    /** Every provider found, by role, then type. */
    public List<PluginInfo> all() {
        List<PluginInfo> all = new ArrayList<>();
        byKind.forEach((kind, types) -> types.values().forEach(entries -> entries.forEach(
                entry -> all.add(entry.info(kind)))));
        all.sort(Comparator.comparing(PluginInfo::kind).thenComparing(PluginInfo::type));
        return all;
    }

    /** Providers that failed to load and types claimed twice, one sentence each. */
    public List<String> problems() {
        return problems;
    }

    /** The types of a role, sorted. */
    public List<String> types(Kind kind) {
        return List.copyOf(byKind.get(kind).keySet());
    }

    /** The source provider of {@code type}. */
    public Lookup<SourceProvider<?>> source(String type) {
        return find(Kind.SOURCE, type, SourceProvider.class::cast);
    }

    /** The resolver provider of {@code type}. */
    public Lookup<ResolverProvider<?>> resolver(String type) {
        return find(Kind.RESOLVER, type, ResolverProvider.class::cast);
    }

    /** The rewriter provider of {@code type}. */
    public Lookup<RewriterProvider<?>> rewriter(String type) {
        return find(Kind.REWRITER, type, RewriterProvider.class::cast);
    }

    /** The sink provider of {@code type}. */
    public Lookup<SinkProvider<?>> sink(String type) {
        return find(Kind.SINK, type, SinkProvider.class::cast);
    }

    private <P extends PluginProvider<?>> Lookup<P> find(
            Kind kind, String type, Function<PluginProvider<?>, P> cast) {
        List<Entry> entries = byKind.get(kind).get(type);
        if (entries == null) {
            return new Lookup.Unknown<>(types(kind));
        }
        if (entries.size() > 1) {
            return new Lookup.Duplicate<>(entries.stream().map(Entry::origin).toList());
        }
        return new Lookup.Found<>(cast.apply(entries.getFirst().provider()));
    }

    private static PluginRegistry load(Function<Class<PluginProvider<?>>, ServiceLoader<PluginProvider<?>>> loaders) {
        Map<Kind, Map<String, List<Entry>>> byKind = new EnumMap<>(Kind.class);
        List<String> problems = new ArrayList<>();

        for (Kind kind : Kind.values()) {
            @SuppressWarnings("unchecked")
            Class<PluginProvider<?>> service = (Class<PluginProvider<?>>) kind.service();
            Map<String, List<Entry>> types = new TreeMap<>();
            for (PluginProvider<?> provider : instantiate(kind, loaders.apply(service), problems)) {
                types.computeIfAbsent(provider.type(), t -> new ArrayList<>()).add(new Entry(provider));
            }
            types.forEach((type, entries) -> reportDuplicate(kind, type, entries, problems));
            byKind.put(kind, types);
        }
        return new PluginRegistry(byKind, problems);
    }

    private static List<PluginProvider<?>> instantiate(
            Kind kind, ServiceLoader<PluginProvider<?>> loader, List<String> problems) {
        List<PluginProvider<?>> providers = new ArrayList<>();
        Iterator<ServiceLoader.Provider<PluginProvider<?>>> candidates = loader.stream().iterator();
        int failures = 0;

        while (failures < MAX_FAILURES_PER_ROLE) {
            ServiceLoader.Provider<PluginProvider<?>> candidate;
            try {
                if (!candidates.hasNext()) {
                    break;
                }
                candidate = candidates.next();
            } catch (ServiceConfigurationError e) {
                failures++;
                problems.add("cannot load a " + kind.word() + " provider: " + reason(e));
                continue;
            }
            try {
                providers.add(checked(candidate.get()));
            } catch (ServiceConfigurationError | RuntimeException e) {
                failures++;
                problems.add("cannot load " + kind.word() + " provider " + origin(candidate.type())
                        + ": " + reason(e));
            }
        }
        return providers;
    }

    /** A provider must name its type and config record, or the config cannot select it. */
    private static PluginProvider<?> checked(PluginProvider<?> provider) {
        String type = provider.type();
        if (type == null || type.isBlank()) {
            throw new IllegalStateException("its type() is empty");
        }
        if (provider.configType() == null) {
            throw new IllegalStateException("its configType() is null");
        }
        return provider;
    }

    private static void reportDuplicate(Kind kind, String type, List<Entry> entries, List<String> problems) {
        if (entries.size() > 1) {
            problems.add(kind.word() + " type \"" + type + "\" is provided more than once: by "
                    + String.join(" and by ", entries.stream().map(Entry::origin).toList())
                    + "; keep only one of these plugins");
        }
    }

    /** The deepest cause's message says what went wrong; the error's own names the service. */
    private static String reason(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        String text = message == null ? cause.getClass().getName() : cause.getClass().getSimpleName() + ": " + message;
        return text.replace('\n', ' ');
    }

    /** {@code a.b.Provider in module a.b}, or {@code ... in the class path}. */
    static String origin(Class<?> type) {
        Module module = type.getModule();
        return type.getName() + " in " + (module.isNamed() ? "module " + module.getName() : "the class path");
    }

    static String moduleName(Class<?> type) {
        Module module = type.getModule();
        return module.isNamed() ? module.getName() : "(class path)";
    }

    /** One provider found by ServiceLoader. */
    private record Entry(PluginProvider<?> provider) {

        String origin() {
            return PluginRegistry.origin(provider.getClass());
        }

        PluginInfo info(Kind kind) {
            String summary = provider.summary();
            return new PluginInfo(kind, provider.type(), moduleName(provider.getClass()),
                    summary == null ? "-" : summary);
        }
    }
}
