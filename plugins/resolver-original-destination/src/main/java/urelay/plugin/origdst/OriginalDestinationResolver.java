// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.origdst;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import urelay.spi.ClientConnection;
import urelay.spi.Destination;
import urelay.spi.IpDestination;
import urelay.spi.Resolver;

/**
 * Names the client's original destination as the destination. A dual-stack listener reports
 * IPv4 clients' addresses in IPv4-mapped IPv6 form; they become plain IPv4 here, so routes and
 * sinks see what the client dialled. A scope id is dropped: it names an interface of the
 * namespace the connection came from, which means nothing where urelay connects from.
 */
final class OriginalDestinationResolver implements Resolver {

    @Override
    public Optional<Destination> resolve(ClientConnection client) {
        InetSocketAddress original = client.originalDestination();
        if (original == null || original.getAddress() == null || original.getPort() == 0) {
            return Optional.empty();
        }
        return Optional.of(new IpDestination(plain(original.getAddress()), original.getPort()));
    }

    /** The address without a scope id, and in IPv4 form when it is an IPv4-mapped IPv6 address. */
    static InetAddress plain(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        try {
            // Given 16 bytes of an IPv4-mapped address, the JDK returns an Inet4Address.
            return InetAddress.getByAddress(address.getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of 16 bytes was refused", e);
        }
    }
}
