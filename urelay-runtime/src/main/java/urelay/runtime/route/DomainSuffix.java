// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.route;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A domain name that matches itself and every name below it: {@code example.org} matches
 * {@code example.org} and {@code www.example.org}, but not {@code badexample.org}. Compared
 * without regard to case.
 *
 * @param name the suffix in lower case, without a leading or trailing dot
 */
public record DomainSuffix(String name) {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?");
    private static final int MAX_LENGTH = 253;

    /** @throws IllegalArgumentException if {@code name} is not a lower-case domain name */
    public DomainSuffix {
        if (name.isEmpty() || name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a domain name has 1 to " + MAX_LENGTH + " characters");
        }
        if (!name.chars().allMatch(c -> c < 0x80)) {
            throw new IllegalArgumentException("write an international name in its ASCII form (xn--...)");
        }
        String[] labels = name.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException(label.isEmpty() ? "it has an empty label"
                        : "label \"" + label + "\" is not 1 to 63 letters, digits, '-' or '_' (not starting or"
                                + " ending with '-')");
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("it looks like an IP address; match addresses with cidr");
        }
    }

    /**
     * Parses a suffix as the config writes it: any case, with an optional leading dot
     * ({@code .example.org} means the same as {@code example.org}) and an optional trailing one.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text}
     */
    public static DomainSuffix parse(String text) {
        String name = text.strip();
        if (name.indexOf(':') >= 0) {
            throw new IllegalArgumentException("it looks like an IP address; match addresses with cidr");
        }
        name = name.startsWith(".") ? name.substring(1) : name;
        name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        return new DomainSuffix(name.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code domain} is this name or a name below it, in any case. */
    public boolean matches(String domain) {
        int extra = domain.length() - name.length();
        if (extra < 0 || !domain.regionMatches(true, extra, name, 0, name.length())) {
            return false;
        }
        return extra == 0 || domain.charAt(extra - 1) == '.';
    }

    @Override
    public String toString() {
        return name;
    }
}
