// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import urelay.runtime.audit.AuditFormat;
import urelay.runtime.linux.Errno;
import urelay.runtime.linux.FileRead;
import urelay.runtime.linux.SmallFiles;
import urelay.runtime.plugin.PluginRegistry;
import urelay.spi.Network;

/**
 * Reads a YAML config file, checks all of it, and creates every plugin instance. The result
 * is either a config the engine can run or the full list of problems, each as one line that
 * names file, line, column, YAML path, problem and what is allowed; bad input never throws
 * and never half-starts anything (plugin instances do not open sockets when created).
 *
 * <p>The keys are described in {@code docs/config.md}. One loader may read many files, one at
 * a time per thread.
 */
public final class ConfigLoader {

    private static final List<String> TOP_KEYS = List.of("listeners", "sinks", "audit", "log");
    private static final Map<String, Level> LEVELS = levels();
    /** The most a config file may hold: far more than any real config, little enough to read at once. */
    static final int MAX_BYTES = 1024 * 1024;

    private final PluginRegistry registry;
    private final Network network;
    private final ObjectMapper mapper = ConfigMapper.create();

    /**
     * @param registry the plugins to build instances with
     * @param network  the sockets lent to plugin instances
     */
    public ConfigLoader(PluginRegistry registry, Network network) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.network = Objects.requireNonNull(network, "network");
    }

    /** Reads and checks {@code file}; never throws for bad input. */
    public ConfigResult load(Path file) {
        Problems problems = new Problems(file.toString());
        Optional<String> text = text(file, problems);
        if (text.isEmpty()) {
            return new ConfigResult.Invalid(problems.lines());
        }
        Optional<YamlDocument> document = new YamlReader(problems).read(text.get());
        if (document.isEmpty() || !problems.isEmpty()) {
            return new ConfigResult.Invalid(problems.lines());
        }
        problems.document(document.get());

        Optional<RelayConfig> config = config(file, new Reading(document.get(), problems));
        return config.isPresent() && problems.isEmpty()
                ? new ConfigResult.Valid(config.get())
                : new ConfigResult.Invalid(problems.lines());
    }

    private Optional<RelayConfig> config(Path file, Reading reading) {
        JsonNode root = reading.document().root();
        if (!reading.expectMapping(YamlPath.ROOT, root, "write a mapping with the keys listeners and sinks")) {
            return Optional.empty();
        }
        reading.checkKeys(YamlPath.ROOT, root, TOP_KEYS);

        PluginBinder binder = new PluginBinder(reading, registry, network, mapper);
        Set<String> sinkNames = new LinkedHashSet<>();
        Map<String, SinkPlan> sinks = sinks(reading, binder, root.get("sinks"), sinkNames);
        Set<String> listenerNames = ListenerReader.names(root.get("listeners"));
        RouteReader routes = new RouteReader(reading, binder, mapper, sinks, sinkNames, listenerNames);
        YamlPath listenersPath = YamlPath.ROOT.key("listeners");
        var listeners = new ListenerReader(reading, binder, routes).read(listenersPath, root.get("listeners"));
        listeners.ifPresent(plans -> new ListenerClashes(reading).check(listenersPath, plans));
        Optional<AuditFormat> audit = audit(reading, root.get("audit"));
        Optional<Level> level = level(reading, root.get("log"));

        if (listeners.isEmpty() || audit.isEmpty() || level.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RelayConfig(file, listeners.get(), sinks, audit.get(), level.get()));
    }

    private static Map<String, SinkPlan> sinks(Reading reading, PluginBinder binder, JsonNode node,
            Set<String> names) {
        YamlPath path = YamlPath.ROOT.key("sinks");
        Map<String, SinkPlan> sinks = new LinkedHashMap<>();
        String advice = "define at least one sink, such as sinks: { out: { type: direct } }";
        if (Reading.absent(node)) {
            reading.problems().atValue(path, "missing; " + advice);
            return sinks;
        }
        if (!reading.expectMapping(path, node, advice)) {
            return sinks;
        }
        if (node.isEmpty()) {
            reading.problems().atValue(path, "no sinks; " + advice);
        }
        for (Iterator<Map.Entry<String, JsonNode>> entries = node.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            YamlPath sinkPath = path.key(entry.getKey());
            names.add(entry.getKey());
            reading.name(sinkPath, TextNode.valueOf(entry.getKey()), true)
                    .flatMap(name -> binder.sink(sinkPath, entry.getValue(), name))
                    .ifPresent(bound -> sinks.put(entry.getKey(), new SinkPlan(entry.getKey(), bound.type(),
                            bound.instance())));
        }
        return sinks;
    }

    private static Optional<AuditFormat> audit(Reading reading, JsonNode node) {
        YamlPath path = YamlPath.ROOT.key("audit");
        return option(reading, path, node, "format", AuditFormat.PLAIN,
                Map.of("plain", AuditFormat.PLAIN, "json", AuditFormat.JSON), List.of("plain", "json"));
    }

    private static Optional<Level> level(Reading reading, JsonNode node) {
        YamlPath path = YamlPath.ROOT.key("log");
        return option(reading, path, node, "level", Level.INFO, LEVELS,
                List.of("error", "warning", "info", "debug", "trace"));
    }

    /** Reads a section with one key that picks one of a few words, such as {@code audit: { format: json }}. */
    private static <T> Optional<T> option(Reading reading, YamlPath path, JsonNode section, String key,
            T fallback, Map<String, T> choices, List<String> order) {
        if (Reading.absent(section)) {
            return Optional.of(fallback);
        }
        if (!reading.expectMapping(path, section, "write { " + key + ": " + order.getFirst() + " }")) {
            return Optional.empty();
        }
        reading.checkKeys(path, section, List.of(key));
        JsonNode value = section.get(key);
        if (Reading.absent(value)) {
            return Optional.of(fallback);
        }
        String allowed = "allowed: " + String.join(", ", order);
        Optional<String> word = reading.text(path.key(key), value, allowed);
        if (word.isEmpty()) {
            return Optional.empty();
        }
        T choice = choices.get(word.get());
        if (choice == null) {
            reading.problems().atValue(path.key(key), "unknown " + path.segments().getFirst() + " " + key + " \""
                    + word.get() + "\"; " + allowed);
            return Optional.empty();
        }
        return Optional.of(choice);
    }

    private static Optional<String> text(Path file, Problems problems) {
        String advice = "; give the path of a readable YAML config file";
        return switch (SmallFiles.read(file, MAX_BYTES)) {
            case FileRead.Content content -> decode(content.bytes(), problems);
            case FileRead.NotRegular other -> {
                problems.at(Location.START, YamlPath.ROOT, "is " + other.kind() + ", not a regular file" + advice);
                yield Optional.empty();
            }
            case FileRead.TooLarge large -> {
                problems.at(Location.START, YamlPath.ROOT, "the file is larger than " + MAX_BYTES + " bytes (1 MiB),"
                        + " the most a config may have; give the path of a YAML config file of at most 1 MiB");
                yield Optional.empty();
            }
            case FileRead.Failed failed -> {
                problems.at(Location.START, YamlPath.ROOT, switch (failed.error().errno()) {
                    case Errno.ENOENT -> "no such file" + advice;
                    case Errno.EACCES, Errno.EPERM -> "permission denied" + advice;
                    default -> "cannot read the file: " + failed.error().getMessage() + advice;
                });
                yield Optional.empty();
            }
        };
    }

    private static Optional<String> decode(byte[] bytes, Problems problems) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            problems.at(Location.START, YamlPath.ROOT, "the file is not UTF-8 text; save it as UTF-8");
            return Optional.empty();
        }
    }

    private static Map<String, Level> levels() {
        Map<String, Level> levels = new LinkedHashMap<>();
        for (Level level : List.of(Level.ERROR, Level.WARNING, Level.INFO, Level.DEBUG, Level.TRACE)) {
            levels.put(level.getName().toLowerCase(Locale.ROOT), level);
        }
        return levels;
    }
}
