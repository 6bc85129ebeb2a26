// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.iprewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class IpPrefixTest {

    private static String parseError(String text) {
        return assertThrows(IllegalArgumentException.class, () -> IpPrefix.parse(text)).getMessage();
    }

    @Test
    void readsIpv4AndIpv6PrefixesAndPrintsThemShort() {
        assertEquals("10.1.0.0/16", IpPrefix.parse("10.1.0.0/16").toString());
        assertEquals("2001:db8:1::/64", IpPrefix.parse("2001:0db8:0001:0000::/64").toString());
        assertEquals(32, IpPrefix.parse("10.1.0.0/16").width());
        assertEquals(128, IpPrefix.parse("::/0").width());
    }

    @Test
    void containsAddressesOfItsFamilyThatShareItsLeadingBits() {
        IpPrefix prefix = IpPrefix.parse("10.1.0.0/16");
        assertTrue(prefix.contains(InetAddress.ofLiteral("10.1.255.7")));
        assertFalse(prefix.contains(InetAddress.ofLiteral("10.2.0.1")));
        assertFalse(prefix.contains(InetAddress.ofLiteral("a01::1")));
    }

    @Test
    void anEmptyPrefixContainsEveryAddressOfItsFamilyOnly() {
        assertTrue(IpPrefix.parse("0.0.0.0/0").contains(InetAddress.ofLiteral("203.0.113.9")));
        assertFalse(IpPrefix.parse("0.0.0.0/0").contains(InetAddress.ofLiteral("2001:db8::9")));
        assertTrue(IpPrefix.parse("::/0").contains(InetAddress.ofLiteral("2001:db8::9")));
    }

    @Test
    void treatsAMappedLiteralWrittenWithColonsAsIpv6() {
        IpPrefix mapped = IpPrefix.parse("::ffff:0.0.0.0/96");
        assertTrue(mapped.isIpv6());
        assertEquals("::ffff:0:0/96", mapped.toString());
    }

    @Test
    void rejectsBitsSetAfterTheLengthAndNamesTheNetwork() {
        assertEquals("\"64:ff9b::1/96\" has bits set after /96; allowed its network 64:ff9b::/96",
                parseError("64:ff9b::1/96"));
        assertEquals("\"10.1.2.3/16\" has bits set after /16; allowed its network 10.1.0.0/16",
                parseError("10.1.2.3/16"));
    }

    @Test
    void rejectsALengthBeyondTheFamilysWidth() {
        assertEquals("\"10.0.0.0/33\" has length 33; allowed 0-32 for IPv4", parseError("10.0.0.0/33"));
        assertEquals("\"2001:db8::/129\" has length 129; allowed 0-128 for IPv6", parseError("2001:db8::/129"));
    }

    @Test
    void rejectsAMissingOrNonNumericLength() {
        String allowed = "allowed ADDRESS/LENGTH such as 192.0.2.0/24 or 2001:db8::/32";
        assertEquals("\"10.0.0.0\" has no /LENGTH; " + allowed, parseError("10.0.0.0"));
        assertEquals("\"10.0.0.0/+8\" has no numeric length after /; " + allowed, parseError("10.0.0.0/+8"));
        assertEquals("\"10.0.0.0/\" has no numeric length after /; " + allowed, parseError("10.0.0.0/"));
    }

    @Test
    void rejectsNamesZonesAndShortIpv4FormsInsteadOfLookingThemUp() {
        String allowed = "allowed ADDRESS/LENGTH such as 192.0.2.0/24 or 2001:db8::/32";
        assertEquals("\"localhost/8\" does not start with an IP address; " + allowed, parseError("localhost/8"));
        assertEquals("\"fe80::%eth0/64\" does not start with an IP address; " + allowed, parseError("fe80::%eth0/64"));
        assertEquals("\"10.1/16\" does not start with an IP address; " + allowed, parseError("10.1/16"));
        assertEquals("\"2001:db8::g/64\" does not start with an IP address; " + allowed, parseError("2001:db8::g/64"));
    }
}
