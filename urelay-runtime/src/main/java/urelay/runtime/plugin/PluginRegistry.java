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
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import urelay.spi.PluginProvider;
import urelay.spi.ResolverProvider;
import urelay.spi.RewriterProvider;
import urelay.spi.SinkProvider;
import urelay.spi.SourceProvider;

/**
 * The plugin providers {@link ServiceLoader} found, indexed by role and type. Loading never
 * fails: a plugin that could not be loaded (a jar of a plugins directory, or a provider that
 * cannot be instantiated) and a type claimed by two providers of one role become lines in
 * {@link #problems()}. Immutable once loaded; any thread may use it.
 */
public final class PluginRegistry {

    /** Stops a loader that keeps failing on the same entry from looping forever. */
    private static final int MAX_FAILURES_PER_ROLE = 100;

    private final Map<Kind, Map<String, List<Entry>>> byKind;
    private final List<LoadFailure> failures;
    private final List<String> problems;

    private PluginRegistry(Map<Kind, Map<String, List<Entry>>> byKind, List<LoadFailure> failures,
            List<String> problems) {
        this.byKind = byKind;
        this.failures = List.copyOf(failures);
        this.problems = List.copyOf(problems);
    }

    /** Loads the providers of every module in {@code layer} and its parents (module path). */
    public static PluginRegistry load(ModuleLayer layer) {
        return load(layer, List.of());
    }

    /**
     * Loads the providers of every module in {@code layer} and its parents, after the plugins
     * that could not be put into the layer ({@code earlier}), which are reported first.
     */
    public static PluginRegistry load(ModuleLayer layer, List<LoadFailure> earlier) {
        return load(service -> List.of(ServiceLoader.load(layer, service)), earlier);
    }

    /** Loads the providers {@code loader} sees, {@code META-INF/services} included (class path). */
    public static PluginRegistry load(ClassLoader loader) {
        return load(service -> List.of(ServiceLoader.load(service, loader)), List.of());
    }

    /**
     * Loads the providers {@code loader} sees and those of {@code layer}, for urelay running from
     * the class path with a plugins directory; {@code earlier} as for the layer alone.
     */
    public static PluginRegistry load(ClassLoader loader, ModuleLayer layer, List<LoadFailure> earlier) {
        return load(service -> List.of(ServiceLoader.load(service, loader), ServiceLoader.load(layer, service)),
                earlier);
    }

    /** Every provider found, by role, then type. */
    public List<PluginInfo> all() {
        List<PluginInfo> all = new ArrayList<>();
        byKind.forEach((kind, types) -> types.values().forEach(entries -> entries.forEach(
                entry -> all.add(entry.info(kind)))));
        all.sort(Comparator.comparing(PluginInfo::kind).thenComparing(PluginInfo::type));
        return all;
    }

    /** Plugins that failed to load and types claimed twice, one sentence each. */
    public List<String> problems() {
        return problems;
    }

    /**
     * The plugins that failed to load and might have provided a type of {@code kind}: what a
     * config naming an unknown type of that role should mention.
     */
    public List<LoadFailure> failures(Kind kind) {
        return failures.stream().filter(failure -> failure.kinds().contains(kind)).toList();
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

    private static PluginRegistry load(
            Function<Class<PluginProvider<?>>, List<ServiceLoader<PluginProvider<?>>>> loaders,
            List<LoadFailure> earlier) {
        Map<Kind, Map<String, List<Entry>>> byKind = new EnumMap<>(Kind.class);
        List<LoadFailure> failures = new ArrayList<>(earlier);
        List<String> problems = new ArrayList<>(earlier.stream().map(LoadFailure::text).toList());

        for (Kind kind : Kind.values()) {
            @SuppressWarnings("unchecked")
            Class<PluginProvider<?>> service = (Class<PluginProvider<?>>) kind.service();
            Map<String, List<Entry>> types = new TreeMap<>();
            for (ServiceLoader<PluginProvider<?>> loader : loaders.apply(service)) {
                for (PluginProvider<?> provider : instantiate(kind, loader, failures, problems)) {
                    types.computeIfAbsent(provider.type(), t -> new ArrayList<>()).add(new Entry(provider));
                }
            }
            types.forEach((type, entries) -> reportDuplicate(kind, type, entries, problems));
            byKind.put(kind, types);
        }
        return new PluginRegistry(byKind, failures, problems);
    }

    private static List<PluginProvider<?>> instantiate(Kind kind, ServiceLoader<PluginProvider<?>> loader,
            List<LoadFailure> failures, List<String> problems) {
        List<PluginProvider<?>> providers = new ArrayList<>();
        Iterator<ServiceLoader.Provider<PluginProvider<?>>> candidates = loader.stream().iterator();
        int failed = 0;

        while (failed < MAX_FAILURES_PER_ROLE) {
            ServiceLoader.Provider<PluginProvider<?>> candidate;
            try {
                if (!candidates.hasNext()) {
                    break;
                }
                candidate = candidates.next();
            } catch (ServiceConfigurationError e) {
                failed++;
                fail(new LoadFailure("a " + kind.word() + " provider", reason(e), Set.of(kind)), failures, problems);
                continue;
            }
            try {
                providers.add(checked(candidate.get()));
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                failed++;
                fail(new LoadFailure(kind.word() + " provider " + origin(candidate.type()), reason(e), Set.of(kind)),
                        failures, problems);
            }
        }
        return providers;
    }

    private static void fail(LoadFailure failure, List<LoadFailure> failures, List<String> problems) {
        failures.add(failure);
        problems.add(failure.text());
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
