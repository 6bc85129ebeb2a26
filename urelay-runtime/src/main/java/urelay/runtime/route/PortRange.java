// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.route;

/**
 * TCP ports {@code first} to {@code last}, both included: written {@code 80} or
 * {@code 8000-8999}.
 *
 * @param first 1 to 65535
 * @param last  {@code first} to 65535
 */
public record PortRange(int first, int last) {

    /** The lowest TCP port. */
    public static final int MIN = 1;
    /** The highest TCP port. */
    public static final int MAX = 65535;

    /** @throws IllegalArgumentException if a port is out of range or the range is reversed */
    public PortRange {
        checkPort(first);
        checkPort(last);
        if (first > last) {
            throw new IllegalArgumentException("range " + first + "-" + last + " ends before it starts");
        }
    }

    /** One port. */
    public static PortRange of(int port) {
        return new PortRange(port, port);
    }

    /**
     * Parses {@code PORT} or {@code FIRST-LAST}.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text}
     */
    public static PortRange parse(String text) {
        int dash = text.indexOf('-');
        if (dash < 0) {
            return of(number(text));
        }
        return new PortRange(number(text.substring(0, dash)), number(text.substring(dash + 1)));
    }

    /** Whether {@code port} is in the range. */
    public boolean contains(int port) {
        return port >= first && port <= last;
    }

    @Override
    public String toString() {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }

    private static int number(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.length() > 5 || !trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("\"" + text + "\" is not a port number");
        }
        return Integer.parseInt(trimmed);
    }

    private static void checkPort(int port) {
        if (port < MIN || port > MAX) {
            throw new IllegalArgumentException(port + " is not a port");
        }
    }
}
