// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.unix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import urelay.spi.DomainDestination;
import urelay.spi.IpDestination;

class PathTemplateTest {

    private static final IpDestination V6 = new IpDestination(InetAddress.ofLiteral("2001:db8::7"), 8443);

    @Test
    void fillsPortAndAddressFromTheDestination() {
        assertEquals("unix:/run/app/2001:db8::7-8443.sock",
                new PathTemplate("/run/app/{address}-{port}.sock").expand(V6).text());
    }

    @Test
    void fillsHostFromADomainName() {
        assertEquals("unix:/run/app/example.org.sock",
                new PathTemplate("/run/app/{host}.sock").expand(new DomainDestination("Example.org.", 443)).text());
    }

    @Test
    void keepsAFixedPathForEveryDestination() {
        assertEquals("unix:/run/app.sock", new PathTemplate("/run/app.sock").expand(V6).text());
    }

    @Test
    void refusesAPathTheKernelCouldNotTake() {
        String longDirectory = "/" + "d".repeat(100);
        var fixed = assertThrows(IllegalArgumentException.class, () -> new PathTemplate(longDirectory + "/x.sock"));
        assertEquals("path: \"" + longDirectory + "/x.sock\" can be 108 bytes long; the kernel allows 107",
                fixed.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PathTemplate("/" + "d".repeat(70) + "/{address}"));
    }

    @Test
    void refusesUnknownPlaceholdersAndRelativePaths() {
        var unknown = assertThrows(IllegalArgumentException.class, () -> new PathTemplate("/run/{user}.sock"));
        assertEquals("path: unknown placeholder {user}; allowed {port}, {address}, {host}", unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PathTemplate("run/app.sock"));
        assertThrows(IllegalArgumentException.class, () -> new PathTemplate("/run/app\0x.sock"));
    }

    @Test
    void cannotFillAnAddressFromADomainName() {
        assertThrows(IllegalArgumentException.class,
                () -> new PathTemplate("/run/{address}.sock").expand(new DomainDestination("example.org", 80)));
    }
}
