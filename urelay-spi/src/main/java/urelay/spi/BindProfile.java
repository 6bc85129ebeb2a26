// SPDX-License-Identifier: Apache-2.0
package urelay.spi;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A {@code bind} block of the YAML config, as a sink or a route gives it:
 *
 * <pre>{@code
 * bind: { address: 192.0.2.1, interface: eth1, fwmark: 0x10, freebind: true, transparent: client }
 * }</pre>
 *
 * The runtime reads this shape wherever a config record has a component of this type, so
 * every plugin that binds outbound sockets takes the same keys.
 *
 * @param address     the source address, an IP literal
 * @param device      the interface name (the YAML key is {@code interface})
 * @param fwmark      the routing mark, 0 to 2^32-1
 * @param freebind    whether to allow a source address not on this host
 * @param transparent {@code client} to connect from the client's own address and port
 */
public record BindProfile(String address, String device, Long fwmark, Boolean freebind, String transparent) {

    private static final Pattern INTERFACE = Pattern.compile("[^/\\s:]{1,15}");

    public BindProfile {
        if (address != null) {
            parse(address);
        }
        if (device != null && !INTERFACE.matcher(device).matches()) {
            throw new IllegalArgumentException("interface: \"" + device
                    + "\" is not an interface name; allowed 1-15 characters without '/', ':' or spaces");
        }
        if (fwmark != null && (fwmark < 0 || fwmark > 0xffff_ffffL)) {
            throw new IllegalArgumentException("fwmark: " + fwmark + " is out of range; allowed 0 to 4294967295");
        }
        if (transparent != null && !transparent.equals("client")) {
            throw new IllegalArgumentException("transparent: \"" + transparent + "\" is not allowed; allowed client");
        }
        if (transparent != null && address != null) {
            throw new IllegalArgumentException("address: cannot be set with transparent: client, which binds "
                    + "the client's own address");
        }
    }

    /** The options for one connection; the client's address is used with {@code transparent: client}. */
    public BindOptions options(ClientConnection client) {
        Optional<InetSocketAddress> source = Optional.empty();
        if (address != null) {
            source = Optional.of(new InetSocketAddress(parse(address), 0));
        }
        boolean clientAddress = transparent != null;
        if (clientAddress) {
            source = Optional.of(client.remoteAddress());
        }
        return new BindOptions(source, Optional.ofNullable(device),
                fwmark == null ? OptionalInt.empty() : OptionalInt.of((int) (long) fwmark),
                Boolean.TRUE.equals(freebind), clientAddress);
    }

    private static InetAddress parse(String text) {
        try {
            return IpDestination.parseLiteral(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("address: \"" + text + "\" is not an IP address; allowed an IPv4 "
                    + "or IPv6 literal");
        }
    }
}
