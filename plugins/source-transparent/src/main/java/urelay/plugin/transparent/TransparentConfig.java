// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.transparent;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import urelay.spi.IpDestination;

/**
 * The {@code transparent} source's YAML block (also the {@code tproxy} and {@code redirect}
 * sources').
 *
 * @param netns   the namespace to listen in, as a file ({@code /run/netns/NAME},
 *                {@code /proc/PID/ns/net}); absent for urelay's own
 * @param address the address to listen on, an IP literal; default {@code ::} (IPv4 and IPv6)
 * @param ports   the ports to listen on, as written: numbers 1 to 65535, or {@code default}
 *                for {@link #DEFAULT_PORTS}; one value or a list, at least one port, no
 *                repeats. Kept as the port numbers in decimal, with {@code default} spelled out.
 */
public record TransparentConfig(Path netns, String address, List<String> ports) {

    /** What {@code ports: default} means: DNS, HTTP, HTTPS, DNS over TLS, IMAPS, HTTP on 8080. */
    public static final List<Integer> DEFAULT_PORTS = List.of(53, 80, 443, 853, 993, 8080);

    private static final String DEFAULT = "default";
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,10}");

    public TransparentConfig {
        if (netns != null && !netns.isAbsolute()) {
            throw new IllegalArgumentException("netns: \"" + netns + "\" is not an absolute path; allowed "
                    + "/run/netns/NAME (made by ip netns add NAME) or /proc/PID/ns/net");
        }
        address = address == null ? "::" : address;
        listenAddress(address);
        if (ports == null || ports.isEmpty()) {
            throw new IllegalArgumentException("ports: at least one port is needed; allowed 1-65535");
        }
        ports = expanded(ports);
    }

    /** The ports to listen on, in the order written. */
    public List<Integer> portNumbers() {
        return ports.stream().map(Integer::valueOf).toList();
    }

    /** The listening address, parsed as a literal: a name here would mean a DNS lookup at start. */
    public InetAddress listenAddress() {
        return listenAddress(address);
    }

    private static List<String> expanded(List<String> written) {
        List<String> ports = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < written.size(); i++) {
            String item = written.get(i) == null ? null : written.get(i).strip();
            List<Integer> numbers = DEFAULT.equals(item) ? DEFAULT_PORTS : List.of(port(i, item));
            for (int port : numbers) {
                if (!seen.add(port)) {
                    throw new IllegalArgumentException("ports[" + i + "]: " + port + " is listed twice");
                }
                ports.add(Integer.toString(port));
            }
        }
        return List.copyOf(ports);
    }

    private static int port(int index, String text) {
        if (text == null) {
            throw new IllegalArgumentException("ports[" + index + "]: null is not a port; allowed 1-65535");
        }
        if (!NUMBER.matcher(text).matches()) {
            String defaults = DEFAULT_PORTS.stream().map(String::valueOf).collect(Collectors.joining(", "));
            throw new IllegalArgumentException("ports[" + index + "]: \"" + text + "\" is not a port; allowed 1-65535,"
                    + " or default for " + defaults);
        }
        long port = Long.parseLong(text);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("ports[" + index + "]: " + port + " is not a port; allowed 1-65535");
        }
        return (int) port;
    }

    private static InetAddress listenAddress(String text) {
        try {
            return IpDestination.parseLiteral(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("address: \"" + text
                    + "\" is not an IP address; allowed an IPv4 or IPv6 literal such as :: or 0.0.0.0");
        }
    }
}
