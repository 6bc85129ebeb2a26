// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.iprewrite;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A run of TCP ports, {@code first} to {@code last} inclusive; one port is a run of one.
 * Immutable; safe on any thread.
 *
 * @param first the lowest port, 1 to 65535
 * @param last  the highest port, {@code first} to 65535
 */
record PortRange(int first, int last) {

    private static final Pattern SHAPE = Pattern.compile("(\\d{1,5})(?:-(\\d{1,5}))?");
    private static final String ALLOWED = "allowed PORT or FIRST-LAST such as 8080 or 8000-8099";

    /** @throws IllegalArgumentException if a port is outside 1-65535 or the run goes backwards */
    PortRange {
        String text = first == last ? Integer.toString(first) : first + "-" + last;
        if (first < 1 || last > 65535) {
            throw new IllegalArgumentException("\"" + text + "\" goes outside 1-65535; " + ALLOWED);
        }
        if (first > last) {
            throw new IllegalArgumentException("\"" + text + "\" runs backwards; allowed FIRST-LAST with FIRST"
                    + " at most LAST, such as 8000-8099");
        }
    }

    /**
     * Reads {@code PORT} or {@code FIRST-LAST}.
     *
     * @throws IllegalArgumentException quoting {@code text} and saying what is allowed
     */
    static PortRange parse(String text) {
        Objects.requireNonNull(text, "text");
        var matcher = SHAPE.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a port or a range; " + ALLOWED);
        }

        int first = Integer.parseInt(matcher.group(1));
        return new PortRange(first, matcher.group(2) == null ? first : Integer.parseInt(matcher.group(2)));
    }

    /** How many ports the run holds. */
    int size() {
        return last - first + 1;
    }

    /** Whether {@code port} is in the run. */
    boolean contains(int port) {
        return port >= first && port <= last;
    }

    /** The run as {@code PORT} or {@code FIRST-LAST}. */
    @Override
    public String toString() {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}
