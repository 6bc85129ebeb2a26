// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.iprewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import urelay.spi.IpDestination;

/** The nat64 and nat46 modes, which share the prefix and layout of {@link Nat64}. */
class NatMappingTest {

    private static final Nat64 WELL_KNOWN = new Nat64(Nat64.WELL_KNOWN_PREFIX);

    private static IpDestination destination(String literal, int port) {
        return new IpDestination(InetAddress.ofLiteral(literal), port);
    }

    @Test
    void nat64TurnsAnIpv4DestinationIntoItsEmbeddedIpv6FormKeepingThePort() {
        assertEquals(destination("64:ff9b::c000:221", 443),
                new Nat64Mapping(WELL_KNOWN).apply(destination("192.0.2.33", 443)));
    }

    @Test
    void nat64LeavesAnIpv6DestinationAlone() {
        IpDestination ipv6 = destination("2001:db8::1", 443);
        assertSame(ipv6, new Nat64Mapping(WELL_KNOWN).apply(ipv6));
    }

    @Test
    void nat46TurnsAnEmbeddedIpv6DestinationBackIntoIpv4KeepingThePort() {
        assertEquals(destination("192.0.2.33", 8443),
                new Nat46Mapping(WELL_KNOWN).apply(destination("64:ff9b::192.0.2.33", 8443)));
    }

    @Test
    void nat46LeavesDestinationsOutsideThePrefixAndIpv4DestinationsAlone() {
        IpDestination outside = destination("2001:db8::c000:221", 80);
        assertSame(outside, new Nat46Mapping(WELL_KNOWN).apply(outside));
        IpDestination ipv4 = destination("192.0.2.33", 80);
        assertSame(ipv4, new Nat46Mapping(WELL_KNOWN).apply(ipv4));
    }
}
