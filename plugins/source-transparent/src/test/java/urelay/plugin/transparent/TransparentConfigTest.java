// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.transparent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransparentConfigTest {

    @Test
    void listensOnAllAddressesOfBothFamiliesByDefault() {
        TransparentConfig config = new TransparentConfig(null, null, List.of(80));
        assertEquals(InetAddress.ofLiteral("::"), config.listenAddress());
    }

    @Test
    void rejectsPortsOutsideTheTcpRange() {
        var zero = assertThrows(IllegalArgumentException.class, () -> new TransparentConfig(null, null, List.of(0)));
        assertEquals("ports: 0 is not a port; allowed 1-65535", zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TransparentConfig(null, null, List.of(70000)));
    }

    @Test
    void rejectsAnEmptyOrRepeatedPortList() {
        assertThrows(IllegalArgumentException.class, () -> new TransparentConfig(null, null, List.of()));
        var twice = assertThrows(IllegalArgumentException.class,
                () -> new TransparentConfig(null, null, List.of(80, 80)));
        assertEquals("ports: 80 is listed twice", twice.getMessage());
    }

    @Test
    void rejectsAHostNameInsteadOfAnAddress() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new TransparentConfig(null, "localhost", List.of(80)));
        assertEquals("address: \"localhost\" is not an IP address; allowed an IPv4 or IPv6 literal such as :: "
                + "or 0.0.0.0", e.getMessage());
    }
}
