// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.iprewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import urelay.spi.IpDestination;

class PrefixMappingTest {

    private static final String ALLOWED = "; allowed a prefix of the same family and length as from";

    private static PrefixMapping mapping(String from, String to) {
        return new PrefixMapping(IpPrefix.parse(from), IpPrefix.parse(to));
    }

    private static InetAddress address(String literal) {
        return InetAddress.ofLiteral(literal);
    }

    @Test
    void movesAnIpv6AddressUnderTheTargetPrefixKeepingItsHostBits() {
        PrefixMapping mapping = mapping("2001:db8:1::/64", "fd00:5::/64");
        assertEquals(address("fd00:5::1:2:3:4"), mapping.map(address("2001:db8:1::1:2:3:4")));
    }

    @Test
    void movesAnIpv4AddressUnderTheTargetPrefixKeepingItsHostBits() {
        assertEquals(address("172.16.2.3"), mapping("10.1.0.0/16", "172.16.0.0/16").map(address("10.1.2.3")));
    }

    @Test
    void splitsAnOctetWhenTheLengthIsNotAMultipleOfEight() {
        // 10.16.0.0/12 covers 10.16.0.0 to 10.31.255.255; 10.21.x.x has host bits 0101 in its second octet.
        assertEquals(address("172.21.9.9"), mapping("10.16.0.0/12", "172.16.0.0/12").map(address("10.21.9.9")));
    }

    @Test
    void leavesAddressesOutsideTheSourcePrefixAlone() {
        PrefixMapping mapping = mapping("10.1.0.0/16", "172.16.0.0/16");
        InetAddress outside = address("10.2.0.1");
        assertSame(outside, mapping.map(outside));
        InetAddress otherFamily = address("2001:db8::1");
        assertSame(otherFamily, mapping.map(otherFamily));
    }

    @Test
    void keepsThePortOfARewrittenDestination() {
        IpDestination destination = new IpDestination(address("10.1.2.3"), 5432);
        assertEquals(new IpDestination(address("172.16.2.3"), 5432),
                mapping("10.1.0.0/16", "172.16.0.0/16").apply(destination));
    }

    @Test
    void returnsAnUncoveredDestinationItself() {
        IpDestination destination = new IpDestination(address("192.0.2.7"), 80);
        assertSame(destination, mapping("10.1.0.0/16", "172.16.0.0/16").apply(destination));
    }

    @Test
    void rejectsATargetOfTheOtherFamily() {
        var e = assertThrows(IllegalArgumentException.class, () -> mapping("2001:db8::/64", "10.0.0.0/16"));
        assertEquals("\"10.0.0.0/16\" is IPv4 but from \"2001:db8::/64\" is IPv6" + ALLOWED, e.getMessage());
    }

    @Test
    void rejectsATargetOfAnotherLength() {
        var e = assertThrows(IllegalArgumentException.class, () -> mapping("2001:db8:1::/64", "fd00:5::/48"));
        assertEquals("\"fd00:5::/48\" has length 48 but from \"2001:db8:1::/64\" has 64" + ALLOWED, e.getMessage());
    }
}
