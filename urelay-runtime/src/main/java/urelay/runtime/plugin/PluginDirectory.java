// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.plugin;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads the plugin jars of one directory as a module layer on top of urelay's own, so plugins
 * can be added to an image without linking it again. Modular jars keep their own module; plain
 * jars become automatic modules named after the jar, whose providers come from
 * {@code META-INF/services}.
 *
 * <p>A bad jar must not keep the good ones out, so each jar is read on its own, and when the
 * jars cannot all be resolved together they are added one at a time; a jar that cannot be read,
 * whose module needs a module that is missing, or that clashes with what came before, becomes a
 * {@link LoadFailure} naming the jar and the reason. Each module gets a class loader of its own,
 * so plugins cannot see each other's classes unless one requires the other.
 *
 * <p>Called once per command, on the main thread, before any plugin is created.
 */
public final class PluginDirectory {

    /**
     * The layer of a directory's plugins and the jars left out of it.
     *
     * @param layer    the new layer, or the parent itself when no jar could be loaded
     * @param failures one per jar left out, in the order of the jars' names
     */
    public record Loaded(ModuleLayer layer, List<LoadFailure> failures) {
        public Loaded {
            Objects.requireNonNull(layer, "layer");
            failures = List.copyOf(failures);
        }
    }

    private PluginDirectory() {
    }

    /**
     * Loads every {@code *.jar} in {@code directory} (not its subdirectories; other files and
     * hidden files are ignored) as one layer whose parent is {@code parent}.
     *
     * @param loader the class loader the plugins' loaders delegate to for classes outside every
     *               module they read
     * @throws IOException if the directory cannot be listed
     */
    public static Loaded load(Path directory, ModuleLayer parent, ClassLoader loader) throws IOException {
        List<LoadFailure> failures = new ArrayList<>();
        Map<String, Candidate> candidates = read(jars(directory), parent, failures);
        if (candidates.isEmpty()) {
            return new Loaded(parent, failures);
        }

        List<Candidate> resolvable = resolvable(candidates, parent, failures);
        if (resolvable.isEmpty()) {
            return new Loaded(parent, failures);
        }
        try {
            Configuration configuration = parent.configuration().resolveAndBind(
                    finder(resolvable), ModuleFinder.of(), names(resolvable));
            ModuleLayer layer = ModuleLayer.defineModulesWithManyLoaders(
                    configuration, List.of(parent), loader).layer();
            return new Loaded(layer, failures);
        } catch (ResolutionException | LayerInstantiationException e) {
            resolvable.forEach(candidate -> failures.add(candidate.failure(message(e))));
            return new Loaded(parent, failures);
        }
    }

    private static List<Path> jars(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries
                    .filter(path -> !path.getFileName().toString().startsWith("."))
                    .filter(path -> path.getFileName().toString().endsWith(".jar"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }

    /** Reads each jar's module descriptor; a jar that cannot be used on its own is a failure. */
    private static Map<String, Candidate> read(List<Path> jars, ModuleLayer parent, List<LoadFailure> failures) {
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (Path jar : jars) {
            Optional<ModuleReference> found;
            try {
                found = ModuleFinder.of(jar).findAll().stream().findFirst();
            } catch (FindException e) {
                String reason = message(e).replace(jar.toString(), "the jar");
                failures.add(new LoadFailure("plugin " + jar, "not a usable module: " + reason,
                        EnumSet.allOf(Kind.class)));
                continue;
            }
            if (found.isEmpty()) {
                continue;
            }
            Candidate candidate = new Candidate(jar, found.get());
            String name = candidate.name();
            if (parent.findModule(name).isPresent()) {
                failures.add(candidate.failure("module " + name + " is already part of urelay; remove this jar"));
            } else if (candidates.containsKey(name)) {
                failures.add(candidate.failure("module " + name + " is also in " + candidates.get(name).jar()
                        + "; keep only one of the two jars"));
            } else {
                candidates.put(name, candidate);
            }
        }
        return candidates;
    }

    /**
     * The candidates that resolve together. Tries all at once; if that fails, adds them one by
     * one in name order, each resolved with the ones kept so far, and drops each that fails.
     * Modules a candidate requires are found among the candidates not yet dropped.
     */
    private static List<Candidate> resolvable(Map<String, Candidate> candidates, ModuleLayer parent,
            List<LoadFailure> failures) {
        List<Candidate> all = List.copyOf(candidates.values());
        if (resolves(all, all, parent).isEmpty()) {
            return all;
        }

        List<Candidate> kept = new ArrayList<>();
        List<Candidate> available = new ArrayList<>(all);
        for (Candidate candidate : all) {
            List<Candidate> trial = new ArrayList<>(kept);
            trial.add(candidate);
            Optional<String> problem = resolves(trial, available, parent);
            if (problem.isEmpty()) {
                kept.add(candidate);
            } else {
                failures.add(candidate.failure(problem.get()));
                available.remove(candidate);
            }
        }
        // Whatever a kept module requires was resolved in its trial and is kept too: a module
        // dropped earlier was no longer available to that trial, and one tried later resolves
        // with the same modules as that trial did.
        return kept;
    }

    /** Why {@code roots} cannot be resolved with modules from {@code available}, if they cannot. */
    private static Optional<String> resolves(List<Candidate> roots, List<Candidate> available, ModuleLayer parent) {
        try {
            parent.configuration().resolve(finder(available), ModuleFinder.of(), names(roots));
            return Optional.empty();
        } catch (ResolutionException | FindException e) {
            return Optional.of(message(e));
        }
    }

    private static ModuleFinder finder(List<Candidate> candidates) {
        Map<String, ModuleReference> references = new LinkedHashMap<>();
        candidates.forEach(candidate -> references.put(candidate.name(), candidate.reference()));
        return new ModuleFinder() {
            @Override
            public Optional<ModuleReference> find(String name) {
                return Optional.ofNullable(references.get(name));
            }

            @Override
            public Set<ModuleReference> findAll() {
                return Set.copyOf(references.values());
            }
        };
    }

    private static List<String> names(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::name).toList();
    }

    /** The exception's message and, when it adds something, its cause's. */
    private static String message(Exception error) {
        String message = Objects.requireNonNullElse(error.getMessage(), error.getClass().getSimpleName());
        Throwable cause = error.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message = message + ": " + cause.getMessage();
        }
        return message;
    }

    /** One jar and the module it holds. */
    private record Candidate(Path jar, ModuleReference reference) {

        String name() {
            return reference.descriptor().name();
        }

        LoadFailure failure(String reason) {
            ModuleDescriptor descriptor = reference.descriptor();
            EnumSet<Kind> kinds = EnumSet.noneOf(Kind.class);
            for (ModuleDescriptor.Provides provides : descriptor.provides()) {
                for (Kind kind : Kind.values()) {
                    if (kind.service().getName().equals(provides.service())) {
                        kinds.add(kind);
                    }
                }
            }
            return new LoadFailure("plugin " + jar + " (module " + descriptor.name() + ")", reason, kinds);
        }
    }
}
