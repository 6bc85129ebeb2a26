// SPDX-License-Identifier: Apache-2.0
package urelay.spi;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * An IP address and a TCP port.
 *
 * @param address the IPv4 or IPv6 address, never an unresolved name
 * @param port    1 to 65535
 */
public record IpDestination(InetAddress address, int port) implements Destination {

    /** @throws IllegalArgumentException if the port is out of range */
    public IpDestination {
        Objects.requireNonNull(address, "address");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 1-65535");
        }
    }

    /** Builds a destination from a resolved socket address. */
    public static IpDestination of(InetSocketAddress socketAddress) {
        return new IpDestination(socketAddress.getAddress(), socketAddress.getPort());
    }

    /** This destination as a socket address. */
    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(address, port);
    }

    /** Whether the address is IPv6 (and not IPv4). */
    public boolean isIpv6() {
        return address instanceof Inet6Address;
    }

    @Override
    public String text() {
        String host = address.getHostAddress();
        return address instanceof Inet4Address ? host + ":" + port : "[" + host + "]:" + port;
    }

    @Override
    public String toString() {
        return text();
    }
}
