// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.harness;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One audit line from urelay's stdout, in either format, as a map from field name to the
 * field's text. JSON numbers keep their digits, JSON {@code null} and a plain {@code -}
 * both read as absent.
 *
 * <p>The parser knows exactly the shapes urelay writes: a flat JSON object of strings,
 * numbers, booleans and nulls, or {@code conn.end key=value ...} with double quotes
 * around values that contain spaces. Anything else is rejected rather than guessed at.
 */
public record AuditLine(String raw, Map<String, String> fields) {

    private static final String PLAIN_EVENT = "conn.end";

    /** Parses {@code line}; throws IllegalArgumentException if it is neither format. */
    public static AuditLine parse(String line) {
        String trimmed = line.strip();
        if (trimmed.startsWith("{")) {
            return new AuditLine(line, new JsonObjectReader(trimmed).read());
        }
        if (trimmed.startsWith(PLAIN_EVENT + " ")) {
            return new AuditLine(line, readPlain(trimmed.substring(PLAIN_EVENT.length())));
        }
        throw new IllegalArgumentException("not an audit line: " + line);
    }

    /** The field's text, or null when it is missing, JSON null or {@code -}. */
    public String get(String key) {
        String value = fields.get(key);
        return value == null || value.equals("-") ? null : value;
    }

    /**
     * True when the {@code client} field ends in {@code port}. Tests find a connection's line
     * by port and then compare the whole address, so a wrongly written address fails with
     * both forms in the message rather than as a missing line.
     */
    public boolean hasClientPort(int port) {
        String client = get("client");
        return client != null && client.endsWith(":" + port);
    }

    /** The field as a number; throws AssertionError naming the field if it is not one. */
    public long number(String key) {
        String value = get(key);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new AssertionError("audit field " + key + " is not a number: " + raw);
        }
    }

    private static Map<String, String> readPlain(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        int i = 0;

        while (i < text.length()) {
            if (text.charAt(i) == ' ') {
                i++;
                continue;
            }
            int equals = text.indexOf('=', i);
            if (equals < 0) {
                throw new IllegalArgumentException("field without '=' at " + i + ": " + text);
            }
            String key = text.substring(i, equals);
            StringBuilder value = new StringBuilder();
            i = equals + 1;
            if (i < text.length() && text.charAt(i) == '"') {
                i = readQuoted(text, i + 1, value);
            } else {
                int end = text.indexOf(' ', i);
                end = end < 0 ? text.length() : end;
                value.append(text, i, end);
                i = end;
            }
            fields.put(key, value.toString());
        }
        return fields;
    }

    /** Reads a quoted value from after its opening quote; returns the index past its end. */
    private static int readQuoted(String text, int start, StringBuilder value) {
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                value.append(text.charAt(++i));
            } else if (c == '"') {
                return i + 1;
            } else {
                value.append(c);
            }
        }
        throw new IllegalArgumentException("unterminated quoted value: " + text);
    }

    /** A reader for one flat JSON object; nested objects and arrays are rejected. */
    private static final class JsonObjectReader {

        private final String text;
        private int at;

        JsonObjectReader(String text) {
            this.text = text;
        }

        Map<String, String> read() {
            Map<String, String> fields = new LinkedHashMap<>();
            expect('{');
            skipSpace();
            if (peek() == '}') {
                at++;
                return fields;
            }
            while (true) {
                skipSpace();
                String key = readString();
                skipSpace();
                expect(':');
                skipSpace();
                fields.put(key, readValue());
                skipSpace();
                char next = text.charAt(at++);
                if (next == '}') {
                    return fields;
                }
                if (next != ',') {
                    throw error("expected ',' or '}'");
                }
            }
        }

        private String readValue() {
            char first = peek();
            if (first == '"') {
                return readString();
            }
            int start = at;
            while (at < text.length() && ",} \t".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            String literal = text.substring(start, at);
            if (literal.equals("null")) {
                return null;
            }
            if (literal.equals("true") || literal.equals("false")
                    || literal.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
                return literal;
            }
            throw error("unsupported value '" + literal + "'");
        }

        private String readString() {
            expect('"');
            StringBuilder value = new StringBuilder();
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return value.toString();
                }
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case 'r' -> value.append('\r');
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'u' -> {
                        value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> value.append(escaped);
                }
            }
        }

        private void expect(char c) {
            if (at >= text.length() || text.charAt(at) != c) {
                throw error("expected '" + c + "'");
            }
            at++;
        }

        private char peek() {
            if (at >= text.length()) {
                throw error("unexpected end");
            }
            return text.charAt(at);
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at " + at + " in " + text);
        }
    }
}
