// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.iprewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import urelay.spi.IpDestination;

class PortMappingTest {

    private static PortMapping mapping(String from, String to) {
        return new PortMapping(PortRange.parse(from), PortRange.parse(to));
    }

    @Test
    void movesAPortToTheSamePlaceInTheTargetRange() {
        PortMapping mapping = mapping("8000-8099", "9000-9099");
        assertEquals(9000, mapping.map(8000));
        assertEquals(9042, mapping.map(8042));
        assertEquals(9099, mapping.map(8099));
    }

    @Test
    void movesASinglePort() {
        assertEquals(8080, mapping("80", "8080").map(80));
    }

    @Test
    void leavesPortsOutsideTheSourceRangeAlone() {
        PortMapping mapping = mapping("8000-8099", "9000-9099");
        assertEquals(7999, mapping.map(7999));
        assertEquals(8100, mapping.map(8100));
    }

    @Test
    void keepsTheAddressOfARewrittenDestination() {
        IpDestination destination = new IpDestination(InetAddress.ofLiteral("2001:db8::7"), 80);
        IpDestination mapped = new IpDestination(InetAddress.ofLiteral("2001:db8::7"), 8080);
        assertEquals(mapped, mapping("80", "8080").apply(destination));
    }

    @Test
    void returnsAnUncoveredDestinationItself() {
        IpDestination destination = new IpDestination(InetAddress.ofLiteral("192.0.2.7"), 443);
        assertSame(destination, mapping("80", "8080").apply(destination));
    }

    @Test
    void rejectsRangesOfDifferentSizes() {
        var e = assertThrows(IllegalArgumentException.class, () -> mapping("8000-8099", "9000-9010"));
        assertEquals("\"9000-9010\" holds 11 ports but from \"8000-8099\" holds 100 ports;"
                + " allowed a port or range of the same size as from", e.getMessage());
        var single = assertThrows(IllegalArgumentException.class, () -> mapping("80", "8080-8081"));
        assertEquals("\"8080-8081\" holds 2 ports but from \"80\" holds 1 port;"
                + " allowed a port or range of the same size as from", single.getMessage());
    }
}
