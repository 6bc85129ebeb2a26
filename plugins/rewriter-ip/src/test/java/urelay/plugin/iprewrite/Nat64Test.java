// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.iprewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Nat64Test {

    private static final Inet4Address EXAMPLE = (Inet4Address) InetAddress.ofLiteral("192.0.2.33");

    private static Nat64 nat64(String prefix) {
        return new Nat64(IpPrefix.parse(prefix));
    }

    private static String error(String prefix) {
        return assertThrows(IllegalArgumentException.class, () -> nat64(prefix)).getMessage();
    }

    /** The example table of RFC 6052 section 2.4: 192.0.2.33 under each prefix length. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2001:db8::/32,           2001:db8:c000:221::",
            "2001:db8:100::/40,       2001:db8:1c0:2:21::",
            "2001:db8:122::/48,       2001:db8:122:c000:2:2100::",
            "2001:db8:122:300::/56,   2001:db8:122:3c0:0:221::",
            "2001:db8:122:344::/64,   2001:db8:122:344:c0:2:2100:0",
            "2001:db8:122:344::/96,   2001:db8:122:344::192.0.2.33",
            "64:ff9b::/96,            64:ff9b::192.0.2.33"})
    void embedsAndExtractsTheRfc6052ExampleAddress(String prefix, String embedded) {
        assertEquals(InetAddress.ofLiteral(embedded), nat64(prefix).embed(EXAMPLE));
        assertEquals(Optional.of(EXAMPLE), nat64(prefix).extract(InetAddress.ofLiteral(embedded)));
    }

    @Test
    void extractsNothingFromAnAddressOutsideThePrefix() {
        assertEquals(Optional.empty(), nat64("64:ff9b::/96").extract(InetAddress.ofLiteral("64:ff9c::c000:221")));
    }

    @Test
    void extractsNothingFromAnIpv4Address() {
        assertEquals(Optional.empty(), nat64("64:ff9b::/96").extract(EXAMPLE));
    }

    @Test
    void extractsNothingWhenTheUOctetIsSet() {
        InetAddress uOctetSet = InetAddress.ofLiteral("2001:db8:c000:221:100::");
        assertEquals(Optional.empty(), nat64("2001:db8::/32").extract(uOctetSet));
    }

    @Test
    void ignoresTheReservedSuffixWhenExtracting() {
        InetAddress suffixSet = InetAddress.ofLiteral("2001:db8:c000:221:0:1:2:3");
        assertEquals(Optional.of(EXAMPLE), nat64("2001:db8::/32").extract(suffixSet));
    }

    @Test
    void embedsUnderTheWellKnownPrefixInItsLastFourOctets() {
        assertEquals("64:ff9b::/96", Nat64.WELL_KNOWN_PREFIX.toString());
        assertEquals(InetAddress.ofLiteral("64:ff9b::cb00:71ff"),
                new Nat64(Nat64.WELL_KNOWN_PREFIX).embed((Inet4Address) InetAddress.ofLiteral("203.0.113.255")));
    }

    @Test
    void refusesALengthWithoutAnRfc6052Layout() {
        assertEquals("\"2001:db8::/33\" has length 33; allowed 32, 40, 48, 56, 64 or 96 (the layouts of RFC 6052)",
                error("2001:db8::/33"));
        assertEquals("\"2001:db8::/128\" has length 128; allowed 32, 40, 48, 56, 64 or 96 (the layouts of RFC 6052)",
                error("2001:db8::/128"));
    }

    @Test
    void refusesAnIpv4Prefix() {
        assertEquals("\"192.0.2.0/24\" is an IPv4 prefix; allowed an IPv6 prefix such as 64:ff9b::/96",
                error("192.0.2.0/24"));
    }

    @Test
    void refusesASlash96PrefixThatSetsTheUOctet() {
        assertEquals("\"2001:db8:0:0:100::/96\" sets bits 64 to 71, which RFC 6052 requires to be zero;"
                + " allowed a /96 prefix whose fifth group is 0 to ff, such as 64:ff9b::/96",
                error("2001:db8:0:0:100::/96"));
    }
}
