// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.unix;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import urelay.spi.Destination;
import urelay.spi.DomainDestination;
import urelay.spi.IpDestination;
import urelay.spi.UnixDestination;

/**
 * A socket path, fixed or with placeholders filled from the destination: {@code {port}}, the
 * destination's port; {@code {address}}, its IP address (IPv6 in short form, no brackets);
 * {@code {host}}, its domain name or IP address.
 *
 * <p>The kernel takes at most 107 bytes of path. A template whose longest expansion by
 * {@code {port}} and {@code {address}} could pass that is refused when the config is read;
 * {@code {host}} can expand to 253 bytes, so its paths are checked per connection.
 */
record PathTemplate(String text) {

    static final int PATH_MAX = 107;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]*)}");
    private static final int LONGEST_PORT = 5;
    private static final int LONGEST_ADDRESS = 39;

    PathTemplate {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("path: required; a socket path such as /run/app.sock");
        }
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("path: holds a NUL character; a socket path cannot");
        }
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("path: \"" + text + "\" is not absolute; allowed a path from /");
        }
        int longest = bytes(PLACEHOLDER.matcher(text).replaceAll(""));
        for (String name : placeholders(text)) {
            longest += switch (name) {
                case "port" -> LONGEST_PORT;
                case "address" -> LONGEST_ADDRESS;
                case "host" -> 0;
                default -> throw new IllegalArgumentException("path: unknown placeholder {" + name
                        + "}; allowed {port}, {address}, {host}");
            };
        }
        if (longest > PATH_MAX) {
            throw new IllegalArgumentException("path: \"" + text + "\" can be " + longest
                    + " bytes long; the kernel allows " + PATH_MAX);
        }
    }

    /** Whether the path depends on the destination. */
    boolean isTemplate() {
        return !placeholders(text).isEmpty();
    }

    /**
     * The path for a destination.
     *
     * @throws IllegalArgumentException if a placeholder cannot be filled from it, or the path
     *                                  comes out longer than the kernel allows
     */
    UnixDestination expand(Destination destination) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(path, Matcher.quoteReplacement(value(matcher.group(1), destination)));
        }
        matcher.appendTail(path);
        if (bytes(path.toString()) > PATH_MAX) {
            throw new IllegalArgumentException("socket path for " + destination.text() + " is longer than "
                    + PATH_MAX + " bytes");
        }
        return new UnixDestination(Path.of(path.toString()));
    }

    private static String value(String placeholder, Destination destination) {
        return switch (destination) {
            case IpDestination ip -> switch (placeholder) {
                case "port" -> Integer.toString(ip.port());
                default -> IpDestination.addressText(ip.address());
            };
            case DomainDestination domain -> switch (placeholder) {
                case "port" -> Integer.toString(domain.port());
                case "host" -> safe(domain.name());
                default -> throw new IllegalArgumentException("{address} needs an IP destination, not "
                        + domain.text());
            };
            case UnixDestination unix -> throw new IllegalArgumentException("{" + placeholder
                    + "} cannot be filled from " + unix.text());
        };
    }

    /** A domain name can hold no '/' by the time it is a destination, but a path must never climb. */
    private static String safe(String name) {
        if (name.contains("/") || name.equals("..") || name.equals(".")) {
            throw new IllegalArgumentException("\"" + name + "\" cannot be part of a socket path");
        }
        return name;
    }

    private static List<String> placeholders(String text) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
