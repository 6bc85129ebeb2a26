// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.origdst;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import urelay.spi.ClientConnection;
import urelay.spi.Destination;
import urelay.spi.IpDestination;

class OriginalDestinationResolverTest {

    /** A client whose socket reports the given local address; it carries no bytes. */
    private record AddressOnly(InetSocketAddress localAddress) implements ClientConnection {
        @Override public InetSocketAddress remoteAddress() { return new InetSocketAddress(InetAddress.ofLiteral("192.0.2.10"), 40000); }
        @Override public int read(ByteBuffer buffer) { return -1; }
        @Override public void write(ByteBuffer buffer) { }
        @Override public void shutdownOutput() { }
        @Override public void reset() { }
        @Override public void close() { }
    }

    private static Optional<Destination> resolve(InetAddress address, int port) {
        return new OriginalDestinationResolver().resolve(new AddressOnly(new InetSocketAddress(address, port)));
    }

    @Test
    void turnsAnIpv4MappedAddressIntoPlainIpv4() {
        InetAddress mapped = InetAddress.ofLiteral("::ffff:198.51.100.7");
        assertEquals(Optional.of(new IpDestination(InetAddress.ofLiteral("198.51.100.7"), 80)), resolve(mapped, 80));
    }

    @Test
    void dropsTheScopeId() throws Exception {
        Inet6Address scoped = Inet6Address.getByAddress(null, InetAddress.ofLiteral("fe80::1").getAddress(), 3);
        Destination resolved = resolve(scoped, 443).orElseThrow();
        assertEquals("[fe80::1]:443", resolved.text());
    }

    @Test
    void keepsAnIpv6DestinationAsItIs() {
        assertEquals("[2001:db8:100::7]:8080",
                resolve(InetAddress.ofLiteral("2001:db8:100::7"), 8080).orElseThrow().text());
    }
}
