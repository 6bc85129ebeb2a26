// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.iprewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class IpRewriteConfigTest {

    private static String error(String mode, String prefix, String from, String to) {
        return assertThrows(IllegalArgumentException.class,
                () -> new IpRewriteConfig(mode, prefix, from, to, null)).getMessage();
    }

    @Test
    void usesTheWellKnownPrefixWhenANatModeNamesNone() {
        IpRewriteConfig config = new IpRewriteConfig("nat64", null, null, null, null);
        assertEquals("64:ff9b::/96", config.prefix());
        assertEquals(new Nat64Mapping(new Nat64(IpPrefix.parse("64:ff9b::/96"))), config.mapping());
    }

    @Test
    void appliesToEveryIpDestinationWithoutAMatchBlock() {
        IpRewriteConfig config = new IpRewriteConfig("nat46", null, null, null, null);
        assertEquals(new MatchConfig(List.of(), List.of()), config.match());
        assertEquals(DestinationMatch.ANY, config.destinationMatch());
    }

    @Test
    void makesTheMappingOfEachMode() {
        assertEquals(new Nat46Mapping(new Nat64(IpPrefix.parse("2001:db8::/32"))),
                new IpRewriteConfig("nat46", "2001:db8::/32", null, null, null).mapping());
        assertEquals(new PrefixMapping(IpPrefix.parse("10.1.0.0/16"), IpPrefix.parse("172.16.0.0/16")),
                new IpRewriteConfig("prefix-map", null, "10.1.0.0/16", "172.16.0.0/16", null).mapping());
        assertEquals(new PortMapping(new PortRange(80, 80), new PortRange(8080, 8080)),
                new IpRewriteConfig("port-map", null, "80", "8080", null).mapping());
    }

    @Test
    void rejectsAMissingOrUnknownMode() {
        assertEquals("mode: missing; allowed nat64, nat46, prefix-map or port-map", error(null, null, null, null));
        assertEquals("mode: \"NAT64\" is not a mode; allowed nat64, nat46, prefix-map or port-map",
                error("NAT64", null, null, null));
    }

    @Test
    void rejectsANat64PrefixOfALengthWithoutAnRfc6052Layout() {
        assertEquals("prefix: \"2001:db8::/33\" has length 33; allowed 32, 40, 48, 56, 64 or 96"
                + " (the layouts of RFC 6052)", error("nat64", "2001:db8::/33", null, null));
        assertEquals("prefix: \"::/0\" has length 0; allowed 32, 40, 48, 56, 64 or 96"
                + " (the layouts of RFC 6052)", error("nat46", "::/0", null, null));
    }

    @Test
    void rejectsANat64PrefixThatIsNotAnIpv6Network() {
        assertEquals("prefix: \"192.0.2.0/24\" is an IPv4 prefix; allowed an IPv6 prefix such as 64:ff9b::/96",
                error("nat46", "192.0.2.0/24", null, null));
        assertEquals("prefix: \"64:ff9b::1/96\" has bits set after /96; allowed its network 64:ff9b::/96",
                error("nat64", "64:ff9b::1/96", null, null));
        assertEquals("prefix: \"64:ff9b::\" has no /LENGTH; allowed ADDRESS/LENGTH such as 192.0.2.0/24"
                + " or 2001:db8::/32", error("nat64", "64:ff9b::", null, null));
    }

    @Test
    void rejectsANat64PrefixThatSetsTheUOctet() {
        assertEquals("prefix: \"2001:db8:0:0:ff00::/96\" sets bits 64 to 71, which RFC 6052 requires to be zero;"
                + " allowed a /96 prefix whose fifth group is 0 to ff, such as 64:ff9b::/96",
                error("nat64", "2001:db8::ff00:0:0:0/96", null, null));
    }

    @Test
    void rejectsKeysTheModeDoesNotUse() {
        assertEquals("from: \"10.0.0.0/8\" is not used by mode nat64; allowed only with prefix-map or port-map;"
                + " nat64 takes prefix", error("nat64", null, "10.0.0.0/8", null));
        assertEquals("to: \"10.0.0.0/8\" is not used by mode nat46; allowed only with prefix-map or port-map;"
                + " nat46 takes prefix", error("nat46", null, null, "10.0.0.0/8"));
        assertEquals("prefix: \"64:ff9b::/96\" is not used by mode port-map; allowed only with nat64 or nat46;"
                + " port-map takes from and to", error("port-map", "64:ff9b::/96", "80", "8080"));
    }

    @Test
    void rejectsAPrefixMapWithoutBothEnds() {
        assertEquals("from: missing; mode prefix-map needs a prefix such as 2001:db8:1::/64",
                error("prefix-map", null, null, "fd00:5::/64"));
        assertEquals("to: missing; mode prefix-map needs a prefix such as fd00:5::/64",
                error("prefix-map", null, "2001:db8:1::/64", null));
    }

    @Test
    void rejectsAPrefixMapBetweenFamiliesOrLengths() {
        assertEquals("to: \"10.0.0.0/16\" is IPv4 but from \"2001:db8::/64\" is IPv6; allowed a prefix of the same"
                + " family and length as from", error("prefix-map", null, "2001:db8::/64", "10.0.0.0/16"));
        assertEquals("to: \"fd00:5::/48\" has length 48 but from \"2001:db8:1::/64\" has 64; allowed a prefix of the"
                + " same family and length as from", error("prefix-map", null, "2001:db8:1::/64", "fd00:5::/48"));
    }

    @Test
    void rejectsAPrefixMapEndThatIsNotAPrefix() {
        assertEquals("from: \"10.1.0.0/40\" has length 40; allowed 0-32 for IPv4",
                error("prefix-map", null, "10.1.0.0/40", "172.16.0.0/16"));
    }

    @Test
    void rejectsAPortMapWithoutBothEnds() {
        assertEquals("from: missing; mode port-map needs a port or range such as 8000-8099",
                error("port-map", null, null, "9000-9099"));
        assertEquals("to: missing; mode port-map needs a port or range such as 9000-9099",
                error("port-map", null, "8000-8099", null));
    }

    @Test
    void rejectsAPortMapEndThatIsNotAPortOrRange() {
        assertEquals("to: \"9000:9099\" is not a port or a range; allowed PORT or FIRST-LAST such as 8080 or 8000-8099",
                error("port-map", null, "8000-8099", "9000:9099"));
        assertEquals("from: \"0-99\" goes outside 1-65535; allowed PORT or FIRST-LAST such as 8080 or 8000-8099",
                error("port-map", null, "0-99", "9000-9099"));
    }

    @Test
    void rejectsAPortMapBetweenRunsOfDifferentSizes() {
        assertEquals("to: \"9000-9010\" holds 11 ports but from \"8000-8099\" holds 100 ports; allowed a port or range"
                + " of the same size as from", error("port-map", null, "8000-8099", "9000-9010"));
    }
}
