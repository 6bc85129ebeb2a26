// SPDX-License-Identifier: Apache-2.0
package urelay.spi;

import java.util.Locale;
import java.util.Objects;

/**
 * A domain name and a TCP port, for destinations named rather than addressed (a SOCKS
 * request, a TLS server name). The name is kept in lower case, without a trailing dot.
 *
 * @param name a domain name of 1 to 253 characters
 * @param port 1 to 65535
 */
public record DomainDestination(String name, int port) implements Destination {

    /** @throws IllegalArgumentException if the name is empty or too long, or the port is out of range */
    public DomainDestination {
        Objects.requireNonNull(name, "name");
        name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        name = name.toLowerCase(Locale.ROOT);
        if (name.isEmpty() || name.length() > 253) {
            throw new IllegalArgumentException("domain name must have 1 to 253 characters");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 1-65535");
        }
    }

    @Override
    public String text() {
        return name + ":" + port;
    }

    @Override
    public String toString() {
        return text();
    }
}
