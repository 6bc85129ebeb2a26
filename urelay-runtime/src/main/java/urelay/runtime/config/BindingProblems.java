// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import urelay.runtime.plugin.Kind;

/**
 * Turns what went wrong while binding a plugin's settings, a Jackson exception or a plugin's
 * {@link IllegalArgumentException}, into one problem at the right place of the file.
 *
 * <p>A plugin message that starts with a key path relative to its block, such as
 * {@code ports[1]: 70000 is not a port; allowed 1-65535}, is placed at that key; any other
 * message is placed at the block.
 */
final class BindingProblems {

    private static final Pattern KEYED_MESSAGE = Pattern.compile(
            "([A-Za-z0-9_-]+(?:\\[\\d+])*(?:\\.[A-Za-z0-9_-]+(?:\\[\\d+])*)*): (.+)", Pattern.DOTALL);
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9_-]+)|\\[(\\d+)]");
    private static final PropertyNamingStrategies.NamingBase KEBAB =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.KEBAB_CASE;
    private static final Map<Class<?>, String> WORDS = Map.ofEntries(
            Map.entry(int.class, "a whole number"), Map.entry(Integer.class, "a whole number"),
            Map.entry(long.class, "a whole number"), Map.entry(Long.class, "a whole number"),
            Map.entry(short.class, "a whole number"), Map.entry(Short.class, "a whole number"),
            Map.entry(double.class, "a number"), Map.entry(Double.class, "a number"),
            Map.entry(float.class, "a number"), Map.entry(Float.class, "a number"),
            Map.entry(boolean.class, "true or false"), Map.entry(Boolean.class, "true or false"),
            Map.entry(String.class, "text"));

    private final Reading reading;
    /** Who reads the settings, as problems name it: {@code the sink plugin "direct"}. */
    private final String reader;
    private final Class<?> configType;
    /** Whether the block also has a {@code type} key, which then counts as allowed. */
    private final boolean typed;

    /**
     * @param reader     who reads the settings, as problems name it
     * @param configType the type the settings bind to
     * @param typed      whether the block also has a {@code type} key, as plugin blocks do
     */
    BindingProblems(Reading reading, String reader, Class<?> configType, boolean typed) {
        this.reading = reading;
        this.reader = reader;
        this.configType = configType;
        this.typed = typed;
    }

    /** Problems of binding a plugin block of role {@code kind} and provider {@code type}. */
    static BindingProblems forPlugin(Reading reading, Kind kind, String type, Class<?> configType) {
        return new BindingProblems(reading, "the " + kind.word() + " plugin \"" + type + "\"", configType, true);
    }

    /**
     * Reports every key of {@code settings} (the block at {@code block} without its
     * {@code type}) that the config record has no component for; whether there was one.
     * Binding stops at its first error, and a record's own check of a missing value would
     * otherwise hide the misspelt key that left it missing.
     */
    boolean reportUnknownKeys(YamlPath block, JsonNode settings) {
        List<String> components = componentKeys(configType);
        if (components.isEmpty() || !settings.isObject()) {
            return false;
        }
        TreeSet<String> allowed = new TreeSet<>(components);
        if (typed) {
            allowed.add("type");
        }
        boolean found = false;
        for (String key : (Iterable<String>) settings::fieldNames) {
            if (!allowed.contains(key)) {
                reading.problems().atKey(written(block.key(key)), "unknown key" + Suggestion.didYouMean(key, allowed)
                        + "; allowed keys: " + String.join(", ", allowed));
                found = true;
            }
        }
        return found;
    }

    /** Reports a failure to bind the block at {@code block} to the config record. */
    void report(YamlPath block, JsonMappingException error) {
        YamlPath where = written(block.resolve(relative(error)));
        Problems problems = reading.problems();

        switch (error) {
            case UnrecognizedPropertyException unknown -> {
                TreeSet<String> allowed = allowedKeys(unknown,
                        typed && where.equals(block.key(unknown.getPropertyName())));
                problems.atKey(where, "unknown key" + Suggestion.didYouMean(unknown.getPropertyName(), allowed)
                        + "; allowed keys: " + String.join(", ", allowed));
            }
            case BadValueException bad -> problems.atValue(where, bad.getOriginalMessage());
            case InvalidFormatException format -> problems.atValue(where, quoted(format.getValue()) + " is not "
                    + word(format.getTargetType()));
            case MismatchedInputException mismatch -> problems.atValue(where, "expected "
                    + word(mismatch.getTargetType()) + ", found " + Reading.describe(reading.document().node(where)));
            case ValueInstantiationException failed -> instantiation(where, failed.getCause());
            case InvalidDefinitionException definition -> unusableRecord(block, definition.getOriginalMessage());
            case JsonMappingException wrapped when wrapped.getCause() instanceof InputCoercionException coercion ->
                    problems.atValue(where, "out of range; expected " + word(coercion.getTargetType())
                            + range(coercion.getTargetType()));
            default -> problems.atValue(where, firstLine(error.getOriginalMessage()));
        }
    }

    /**
     * Reports a plugin's own message about the block at {@code block}, placed at the key it
     * starts with when there is one.
     */
    void reportPluginMessage(YamlPath block, String message) {
        String text = message == null ? "the plugin refused its settings" : message;
        Matcher keyed = KEYED_MESSAGE.matcher(text);
        if (keyed.matches() && knownKey(block, keyed.group(1))) {
            reading.problems().atValue(written(block.resolve(parse(keyed.group(1)))), firstLine(keyed.group(2)));
            return;
        }
        reading.problems().atValue(block, firstLine(text));
    }

    /**
     * The path without list indexes the file does not have: a single value bound as a list of
     * one ({@code ports: 0}) is reported as {@code ports}, not {@code ports[0]}.
     */
    private YamlPath written(YamlPath path) {
        YamlPath place = path;
        while (!place.isRoot() && place.last() instanceof Integer
                && reading.document().node(place).isMissingNode()) {
            place = place.parent();
        }
        return place;
    }

    private void instantiation(YamlPath where, Throwable cause) {
        if (cause instanceof IllegalArgumentException refused) {
            reportPluginMessage(where, refused.getMessage());
            return;
        }
        if (cause instanceof IllegalAccessException denied) {
            unusableRecord(where, denied.getMessage());
            return;
        }
        reading.problems().atValue(where, reader + " failed to read its settings: " + cause
                + "; report this to the plugin's authors");
    }

    /** The plugin's record cannot be reached without deep reflection, which the runtime never uses. */
    private void unusableRecord(YamlPath where, String reason) {
        reading.problems().atValue(where, reader + " cannot bind its settings to " + configType.getName() + ": "
                + firstLine(reason) + "; its config record must be public, in a package the plugin module exports");
    }

    /** Whether the path's first key is in the YAML or a component of the config record. */
    private boolean knownKey(YamlPath block, String path) {
        Object first = parse(path).segments().getFirst();
        if (!(first instanceof String key)) {
            return false;
        }
        JsonNode node = reading.document().node(block);
        return node.isObject() && node.has(key) || componentKeys(configType).contains(key);
    }

    private static List<String> componentKeys(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        return components == null ? List.of()
                : Arrays.stream(components).map(component -> KEBAB.translate(component.getName())).toList();
    }

    private static TreeSet<String> allowedKeys(UnrecognizedPropertyException unknown, boolean topLevel) {
        TreeSet<String> allowed = new TreeSet<>();
        Collection<Object> known = unknown.getKnownPropertyIds();
        if (known != null) {
            known.forEach(id -> allowed.add(String.valueOf(id)));
        }
        if (topLevel) {
            allowed.add("type");
        }
        return allowed;
    }

    private static YamlPath relative(JsonMappingException error) {
        List<Object> segments = new ArrayList<>();
        for (JsonMappingException.Reference reference : error.getPath()) {
            if (reference.getFieldName() != null) {
                segments.add(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                segments.add(reference.getIndex());
            }
        }
        return YamlPath.of(segments);
    }

    private static YamlPath parse(String path) {
        List<Object> segments = new ArrayList<>();
        Matcher segment = SEGMENT.matcher(path);
        while (segment.find()) {
            segments.add(segment.group(1) != null ? segment.group(1) : (Object) Integer.parseInt(segment.group(2)));
        }
        return YamlPath.of(segments);
    }

    private static String word(Class<?> target) {
        if (target == null) {
            return "another kind of value";
        }
        String known = WORDS.get(target);
        if (known != null) {
            return known;
        }
        if (target.isEnum()) {
            return "one of " + String.join(", ", Arrays.stream(target.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT)).toList());
        }
        if (target.isArray() || Collection.class.isAssignableFrom(target)) {
            return "a list";
        }
        return "a mapping";
    }

    /** The range of a whole-number type, such as {@code  from -2147483648 to 2147483647}, or nothing. */
    private static String range(Class<?> target) {
        if (target == int.class || target == Integer.class) {
            return " from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (target == long.class || target == Long.class) {
            return " from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (target == short.class || target == Short.class) {
            return " from " + Short.MIN_VALUE + " to " + Short.MAX_VALUE;
        }
        return "";
    }

    private static String quoted(Object value) {
        return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
