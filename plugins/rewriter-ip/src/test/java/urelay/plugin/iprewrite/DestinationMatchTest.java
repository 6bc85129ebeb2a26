// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.iprewrite;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import urelay.spi.IpDestination;

class DestinationMatchTest {

    private static IpDestination destination(String literal, int port) {
        return new IpDestination(InetAddress.ofLiteral(literal), port);
    }

    private static DestinationMatch match(List<String> cidrs, List<String> ports) {
        return new MatchConfig(cidrs, ports).destinationMatch();
    }

    @Test
    void matchesEveryIpDestinationWithoutLimits() {
        assertTrue(DestinationMatch.ANY.test(destination("192.0.2.1", 1)));
        assertTrue(DestinationMatch.ANY.test(destination("2001:db8::1", 65535)));
    }

    @Test
    void matchesAnAddressInAnyListedPrefix() {
        DestinationMatch match = match(List.of("192.0.2.0/24", "2001:db8::/32"), List.of());
        assertTrue(match.test(destination("192.0.2.200", 80)));
        assertTrue(match.test(destination("2001:db8:ffff::1", 80)));
        assertFalse(match.test(destination("198.51.100.1", 80)));
    }

    @Test
    void neverMatchesAnAddressOfTheOtherFamily() {
        assertFalse(match(List.of("0.0.0.0/0"), List.of()).test(destination("2001:db8::1", 80)));
        assertFalse(match(List.of("::/0"), List.of()).test(destination("192.0.2.1", 80)));
    }

    @Test
    void matchesAPortInAnyListedRun() {
        DestinationMatch match = match(List.of(), List.of("80", "8000-8099"));
        assertTrue(match.test(destination("192.0.2.1", 80)));
        assertTrue(match.test(destination("192.0.2.1", 8099)));
        assertFalse(match.test(destination("192.0.2.1", 443)));
    }

    @Test
    void needsBothTheAddressAndThePortToMatch() {
        DestinationMatch match = match(List.of("192.0.2.0/24"), List.of("443"));
        assertTrue(match.test(destination("192.0.2.1", 443)));
        assertFalse(match.test(destination("192.0.2.1", 80)));
        assertFalse(match.test(destination("198.51.100.1", 443)));
    }
}
