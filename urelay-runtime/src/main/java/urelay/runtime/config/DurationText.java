// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as the config writes them: a whole number and a unit, {@code 500ms},
 * {@code 5s}, {@code 2m}, {@code 1h}.
 */
final class DurationText {

    /** The advice every duration problem ends with. */
    static final String ALLOWED = "write a whole number and a unit (ms, s, m or h), such as 500ms, 5s, 2m or 1h";

    private static final Pattern SHAPE = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    private DurationText() {
    }

    /** @throws IllegalArgumentException naming the text and what is allowed */
    static Duration parse(String text) {
        Matcher matcher = SHAPE.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a duration; " + ALLOWED);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> throw new IllegalStateException("the pattern allows no other unit");
        };
    }
}
