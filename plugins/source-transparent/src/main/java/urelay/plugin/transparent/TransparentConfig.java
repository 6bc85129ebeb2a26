// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.transparent;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code transparent} source's YAML block.
 *
 * @param netns   the namespace to listen in, as a file ({@code /run/netns/NAME},
 *                {@code /proc/PID/ns/net}); absent for urelay's own
 * @param address the address to listen on, an IP literal; default {@code ::} (IPv4 and IPv6)
 * @param ports   the ports to listen on, at least one, each 1 to 65535, no repeats
 */
public record TransparentConfig(Path netns, String address, List<Integer> ports) {

    public TransparentConfig {
        address = address == null ? "::" : address;
        listenAddress(address);
        if (ports == null || ports.isEmpty()) {
            throw new IllegalArgumentException("ports: at least one port is needed; allowed 1-65535");
        }
        Set<Integer> seen = new HashSet<>();
        for (Integer port : ports) {
            if (port == null || port < 1 || port > 65535) {
                throw new IllegalArgumentException("ports: " + port + " is not a port; allowed 1-65535");
            }
            if (!seen.add(port)) {
                throw new IllegalArgumentException("ports: " + port + " is listed twice");
            }
        }
        ports = List.copyOf(ports);
    }

    /** The listening address, parsed as a literal: a name here would mean a DNS lookup at start. */
    public InetAddress listenAddress() {
        return listenAddress(address);
    }

    private static InetAddress listenAddress(String text) {
        try {
            return InetAddress.ofLiteral(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("address: \"" + text
                    + "\" is not an IP address; allowed an IPv4 or IPv6 literal such as :: or 0.0.0.0");
        }
    }
}
