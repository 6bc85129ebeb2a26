// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void ipv4PrefixContainsItsAddressesOnly() {
        Cidr cidr = Cidr.parse("203.0.113.0/24");

        assertTrue(cidr.contains(InetAddress.ofLiteral("203.0.113.255")));
        assertFalse(cidr.contains(InetAddress.ofLiteral("203.0.114.0")));
    }

    @Test
    void ipv6PrefixContainsItsAddressesOnly() {
        Cidr cidr = Cidr.parse("2001:db8::/32");

        assertTrue(cidr.contains(InetAddress.ofLiteral("2001:db8:ffff::1")));
        assertFalse(cidr.contains(InetAddress.ofLiteral("2001:db9::1")));
    }

    @Test
    void zeroLengthPrefixesHoldTheirWholeFamilyOnly() {
        assertTrue(Cidr.parse("0.0.0.0/0").contains(InetAddress.ofLiteral("198.51.100.1")));
        assertFalse(Cidr.parse("::/0").contains(InetAddress.ofLiteral("198.51.100.1")));
        assertFalse(Cidr.parse("0.0.0.0/0").contains(InetAddress.ofLiteral("2001:db8::1")));
    }

    @Test
    void bareAddressIsASingleHostPrefix() {
        assertEquals(new Cidr(InetAddress.ofLiteral("192.0.2.1"), 32), Cidr.parse("192.0.2.1"));
        assertEquals(128, Cidr.parse("2001:db8::1").prefixLength());
    }

    @Test
    void hostBitsAreRefusedWithTheIntendedPrefix() {
        var error = assertThrows(IllegalArgumentException.class, () -> Cidr.parse("203.0.113.7/24"));

        assertEquals("host bits are set; the prefix is 203.0.113.0/24", error.getMessage());
    }

    @Test
    void tooLongPrefixIsRefused() {
        var error = assertThrows(IllegalArgumentException.class, () -> Cidr.parse("203.0.113.0/33"));

        assertEquals("prefix length 33 is outside 0-32", error.getMessage());
    }

    @Test
    void namesAreRefusedWithoutLookingThemUp() {
        var error = assertThrows(IllegalArgumentException.class, () -> Cidr.parse("example.org/24"));

        assertEquals("\"example.org\" is not an IP address", error.getMessage());
    }

    @Test
    void garbageLengthIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("192.0.2.0/x"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("192.0.2.0/"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("192.0.2.0/-1"));
    }

    @Test
    void ipv4MappedPrefixIsRefusedWithAdvice() {
        var error = assertThrows(IllegalArgumentException.class, () -> Cidr.parse("::ffff:192.0.2.0/120"));

        assertTrue(error.getMessage().contains("write the IPv4 prefix"), error.getMessage());
    }
}
