// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The state of reading one config file, the parsed document and the problems found so far,
 * with the checks every section shares: known keys, expected shapes, names. Used by one
 * thread.
 */
final class Reading {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final YamlDocument document;
    private final Problems problems;

    Reading(YamlDocument document, Problems problems) {
        this.document = document;
        this.problems = problems;
    }

    YamlDocument document() {
        return document;
    }

    Problems problems() {
        return problems;
    }

    /** Whether the key was left out or given no value. */
    static boolean absent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    /** The value as a problem names what it found: {@code a list}, {@code text "x"}, {@code 5}. */
    static String describe(JsonNode node) {
        if (absent(node)) {
            return "nothing";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isTextual()) {
            return "text \"" + node.asText() + "\"";
        }
        return node.asText();
    }

    /** Reports every key of {@code mapping} that is not in {@code allowed}. */
    void checkKeys(YamlPath path, JsonNode mapping, List<String> allowed) {
        Iterator<String> names = mapping.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.atKey(path.key(name), "unknown key" + Suggestion.didYouMean(name, allowed)
                        + "; allowed keys: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    /** Whether {@code node} is a mapping; reports it otherwise, with {@code advice}. */
    boolean expectMapping(YamlPath path, JsonNode node, String advice) {
        if (node.isObject()) {
            return true;
        }
        problems.atValue(path, "expected a mapping, found " + describe(node) + "; " + advice);
        return false;
    }

    /** The text of a scalar, or empty after reporting what was found instead. */
    Optional<String> text(YamlPath path, JsonNode node, String advice) {
        if (node.isTextual() || node.isNumber() || node.isBoolean()) {
            return Optional.of(node.asText());
        }
        problems.atValue(path, "expected text, found " + describe(node) + "; " + advice);
        return Optional.empty();
    }

    /** A name for a listener or sink, or empty after reporting why it cannot be one. */
    Optional<String> name(YamlPath path, JsonNode node, boolean atKey) {
        String text = node.asText();
        if (NAME.matcher(text).matches()) {
            return Optional.of(text);
        }
        String message = "\"" + text + "\" is not a valid name; use 1 to 64 letters, digits, '.', '_' or '-',"
                + " starting with a letter or digit";
        if (atKey) {
            problems.atKey(path, message);
        } else {
            problems.atValue(path, message);
        }
        return Optional.empty();
    }

    /**
     * The items of a value that may be one scalar or a list of them ({@code sink: out} or
     * {@code sink: [a, b]}), each with its path.
     */
    List<Item> scalarOrList(YamlPath path, JsonNode node) {
        List<Item> items = new ArrayList<>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                items.add(new Item(path.index(i), node.get(i)));
            }
        } else {
            items.add(new Item(path, node));
        }
        return items;
    }

    /** One value and where it is. */
    record Item(YamlPath path, JsonNode node) {
    }
}
