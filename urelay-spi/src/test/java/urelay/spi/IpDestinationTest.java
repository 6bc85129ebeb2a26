// SPDX-License-Identifier: Apache-2.0
package urelay.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IpDestinationTest {

    @ParameterizedTest
    @CsvSource({
        "2001:db8:0:0:0:0:0:7, 2001:db8::7",
        "0:0:0:0:0:0:0:0, ::",
        "0:0:0:0:0:0:0:1, ::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "64:ff9b:0:0:0:0:c000:221, 64:ff9b::c000:221",
        "fe80:0:0:0:0:0:0:0, fe80::",
    })
    void writesIpv6InTheCanonicalShortForm(String full, String expected) {
        assertEquals(expected, IpDestination.addressText(InetAddress.ofLiteral(full)));
    }

    @Test
    void bracketsIpv6AddressesBeforeThePort() {
        assertEquals("[2001:db8::7]:443", new IpDestination(InetAddress.ofLiteral("2001:db8::7"), 443).text());
        assertEquals("198.51.100.7:80", new IpDestination(InetAddress.ofLiteral("198.51.100.7"), 80).text());
    }

    @Test
    void keepsAnIpv4MappedAddressAsTheIpv4AddressItStandsFor() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 127;
        mapped[15] = 1;
        InetAddress v6 = java.net.Inet6Address.getByAddress(null, mapped, -1);

        IpDestination destination = new IpDestination(v6, 22);

        assertEquals(InetAddress.ofLiteral("127.0.0.1"), destination.address());
        assertEquals("127.0.0.1:22", destination.text());
    }

    @ParameterizedTest
    @CsvSource({"127.1", "2130706433", "017.0.0.1", "1.2.3", "256.0.0.1", "' 127.0.0.1'", "[::1]", "fe80::1%eth0",
            "localhost", "''"})
    void parsesOnlyTheUsualWrittenFormsOfAnAddress(String text) {
        assertThrows(IllegalArgumentException.class, () -> IpDestination.parseLiteral(text));
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1", "0.0.0.0", "255.255.255.255", "198.51.100.7", "::1", "2001:db8::7", "::ffff:192.0.2.1"})
    void parsesTheUsualWrittenForms(String text) {
        assertEquals(InetAddress.ofLiteral(text), IpDestination.parseLiteral(text));
    }

    @Test
    void refusesPortZero() {
        assertThrows(IllegalArgumentException.class, () -> new IpDestination(InetAddress.ofLiteral("::1"), 0));
    }
}
