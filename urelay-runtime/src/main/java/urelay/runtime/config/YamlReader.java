// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parses YAML text into a {@link YamlDocument}, recording where every key and value starts.
 * Builds the tree itself from the parser's tokens, since a tree read by Jackson keeps no
 * locations. A key given twice in one mapping is reported, and the later value kept out.
 * One reader per file; not thread-safe.
 */
final class YamlReader {

    /**
     * How deeply lists and mappings may nest. A real config needs about ten levels; the bound
     * keeps a hostile file from costing time and memory in proportion to its depth squared.
     */
    static final int MAX_DEPTH = 64;
    private static final YAMLFactory YAML = yamlFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Problems problems;
    private final Map<YamlPath, Location> values = new HashMap<>();
    private final Map<YamlPath, Location> keys = new HashMap<>();
    /** The value being read, so a syntax error can say where in the tree it happened. */
    private YamlPath current = YamlPath.ROOT;

    YamlReader(Problems problems) {
        this.problems = problems;
    }

    /** The document, or empty when the text is not YAML (the reason is in the problems). */
    Optional<YamlDocument> read(String text) {
        try (JsonParser parser = YAML.createParser(text)) {
            return document(parser);
        } catch (JsonProcessingException e) {
            syntax(e);
            return Optional.empty();
        } catch (IOException e) {
            problems.at(Location.START, YamlPath.ROOT, "cannot read the YAML: " + e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<YamlDocument> document(JsonParser parser) throws IOException {
        try {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.at(Location.START, YamlPath.ROOT,
                        "the file is empty; expected a mapping with the keys listeners and sinks");
                return Optional.empty();
            }
            JsonNode root = value(parser, YamlPath.ROOT);
            if (parser.nextToken() != null) {
                problems.at(location(parser.currentTokenLocation()), YamlPath.ROOT,
                        "a second YAML document starts here; put the whole config in one document");
            }
            return Optional.of(new YamlDocument(root, values, keys));
        } catch (StreamConstraintsException e) {
            problems.at(location(parser.currentTokenLocation()), current, "lists and mappings nest deeper than "
                    + MAX_DEPTH + " levels; a config may nest at most " + MAX_DEPTH + " levels");
            return Optional.empty();
        }
    }

    private JsonNode value(JsonParser parser, YamlPath path) throws IOException {
        current = path;
        Location start = location(parser.currentTokenLocation());
        values.put(path, start);
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            // Jackson hands an alias over as the anchor's name, which would bind as text.
            problems.at(start, path, "YAML aliases such as *" + parser.getText() + " are not supported;"
                    + " write the value out in full");
        }
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> mapping(parser, path);
            case START_ARRAY -> sequence(parser, path);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                case BIG_INTEGER, FLOAT, DOUBLE, BIG_DECIMAL -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            case VALUE_EMBEDDED_OBJECT -> NODES.textNode(parser.getText());
            case END_OBJECT, END_ARRAY, FIELD_NAME, NOT_AVAILABLE ->
                    throw new IllegalStateException("the YAML parser gave " + token + " where a value starts");
        };
    }

    private ObjectNode mapping(JsonParser parser, YamlPath path) throws IOException {
        ObjectNode mapping = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            YamlPath child = path.key(key);
            Location keyLocation = location(parser.currentTokenLocation());
            parser.nextToken();

            if (mapping.has(key)) {
                Location first = keys.get(child);
                problems.at(keyLocation, child, "key given twice in one mapping (first on line "
                        + first.line() + "); keep one of them");
                // Read the second value only to move past it; its places are not recorded.
                new YamlReader(problems).value(parser, child);
                current = path;
                continue;
            }
            keys.put(child, keyLocation);
            mapping.set(key, value(parser, child));
            current = path;
        }
        current = path;
        return mapping;
    }

    private ArrayNode sequence(JsonParser parser, YamlPath path) throws IOException {
        ArrayNode sequence = NODES.arrayNode();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            sequence.add(value(parser, path.index(index++)));
            current = path;
        }
        current = path;
        return sequence;
    }

    private void syntax(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark mark = marked.getProblemMark();
            String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
            problems.at(new Location(mark.getLine() + 1, mark.getColumn() + 1), current,
                    "YAML syntax error: " + marked.getProblem() + context);
            return;
        }
        JsonLocation where = e.getLocation();
        String message = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
        problems.at(where == null ? Location.START : location(where), current, "YAML syntax error: " + message);
    }

    /** Jackson's and SnakeYAML's own limits, set to what a config file may be. */
    private static YAMLFactory yamlFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(ConfigLoader.MAX_BYTES);
        return YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .build();
    }

    private static Location location(JsonLocation where) {
        return new Location(Math.max(1, where.getLineNr()), Math.max(1, where.getColumnNr()));
    }
}
