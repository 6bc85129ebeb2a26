// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

/**
 * Makes text from the config safe to print inside a problem line: control characters and
 * Unicode line breaks become escapes ({@code \n}, {@code \t}, {@code \u0085}), so one problem
 * is always one line whatever a name or key holds. A backslash is left as it is: the escapes
 * are for a reader, not for parsing back.
 */
final class OneLine {

    private OneLine() {
    }

    static String escape(String text) {
        if (text.chars().noneMatch(OneLine::needsEscape)) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        text.chars().forEach(c -> escaped.append(needsEscape(c) ? escape((char) c) : String.valueOf((char) c)));
        return escaped.toString();
    }

    private static boolean needsEscape(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static String escape(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> "\\u%04x".formatted((int) c);
        };
    }
}
