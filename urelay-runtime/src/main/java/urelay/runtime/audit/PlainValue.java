// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.audit;

/**
 * Writes a value for a plain {@code key=value} line: as it is when it is a single word, and
 * otherwise in double quotes with {@code \"}, {@code \\} and control characters escaped, so
 * a line always splits back into the same fields.
 */
final class PlainValue {

    private PlainValue() {
    }

    static String of(String value) {
        if (!needsQuotes(value)) {
            return value;
        }
        StringBuilder quoted = new StringBuilder(value.length() + 8).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static boolean needsQuotes(String value) {
        if (value.isEmpty()) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == '"' || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
