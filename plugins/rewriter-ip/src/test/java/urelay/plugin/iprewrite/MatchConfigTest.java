// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.iprewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchConfigTest {

    private static String error(List<String> cidr, List<String> port) {
        return assertThrows(IllegalArgumentException.class, () -> new MatchConfig(cidr, port)).getMessage();
    }

    @Test
    void treatsAbsentListsAsNoLimit() {
        assertEquals(DestinationMatch.ANY, new MatchConfig(null, null).destinationMatch());
        assertEquals(DestinationMatch.ANY, new MatchConfig(List.of(), List.of()).destinationMatch());
    }

    @Test
    void readsPrefixesAndPortRuns() {
        MatchConfig config = new MatchConfig(List.of("192.0.2.0/24", "2001:db8::/32"), List.of("80", "8000-8099"));
        assertEquals(new DestinationMatch(List.of(IpPrefix.parse("192.0.2.0/24"), IpPrefix.parse("2001:db8::/32")),
                List.of(new PortRange(80, 80), new PortRange(8000, 8099))), config.destinationMatch());
    }

    @Test
    void rejectsACidrThatIsNotAPrefix() {
        assertEquals("match.cidr: \"192.0.2.1\" has no /LENGTH; allowed ADDRESS/LENGTH such as 192.0.2.0/24"
                + " or 2001:db8::/32", error(List.of("192.0.2.1"), null));
        assertEquals("match.cidr: \"192.0.2.1/24\" has bits set after /24; allowed its network 192.0.2.0/24",
                error(List.of("192.0.2.0/24", "192.0.2.1/24"), null));
    }

    @Test
    void rejectsAPortThatIsNotAPortOrRange() {
        assertEquals("match.port: \"https\" is not a port or a range; allowed PORT or FIRST-LAST such as 8080"
                + " or 8000-8099", error(null, List.of("https")));
        assertEquals("match.port: \"70000\" goes outside 1-65535; allowed PORT or FIRST-LAST such as 8080"
                + " or 8000-8099", error(null, List.of("70000")));
    }

    @Test
    void rejectsAnEmptyEntry() {
        assertEquals("match.cidr: an entry is empty; allowed a list of values such as [\"192.0.2.0/24\"]",
                error(Arrays.asList("192.0.2.0/24", null), null));
        assertEquals("match.port: an entry is empty; allowed a list of values such as [80, \"8000-8099\"]",
                error(null, Arrays.asList((String) null)));
    }
}
