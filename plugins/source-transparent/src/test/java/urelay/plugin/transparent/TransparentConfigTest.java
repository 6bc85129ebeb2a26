// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.transparent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransparentConfigTest {

    private static TransparentConfig ports(String... ports) {
        return new TransparentConfig(null, null, Arrays.asList(ports));
    }

    private static String refusal(String... ports) {
        return assertThrows(IllegalArgumentException.class, () -> ports(ports)).getMessage();
    }

    @Test
    void listensOnAllAddressesOfBothFamiliesByDefault() {
        assertEquals(InetAddress.ofLiteral("::"), ports("80").listenAddress());
    }

    @Test
    void portsAreTheNumbersWrittenInOrder() {
        assertEquals(List.of(8080, 80, 443), ports("8080", "80", " 443 ").portNumbers());
    }

    @Test
    void defaultMeansTheCommonServicePorts() {
        assertEquals(List.of(53, 80, 443, 853, 993, 8080), ports("default").portNumbers());
        assertEquals(List.of("53", "80", "443", "853", "993", "8080"), ports("default").ports());
    }

    @Test
    void defaultMayStandBesideOtherPorts() {
        assertEquals(List.of(53, 80, 443, 853, 993, 8080, 9000), ports("default", "9000").portNumbers());
    }

    @Test
    void rejectsPortsOutsideTheTcpRange() {
        assertEquals("ports[0]: 0 is not a port; allowed 1-65535", refusal("0"));
        assertEquals("ports[1]: 70000 is not a port; allowed 1-65535", refusal("80", "70000"));
        assertEquals("ports[0]: -1 is not a port; allowed 1-65535", refusal("-1"));
    }

    @Test
    void rejectsAWordOtherThanDefaultAndSaysWhatDefaultMeans() {
        assertEquals("ports[0]: \"http\" is not a port; allowed 1-65535, or default for 53, 80, 443, 853, 993, 8080",
                refusal("http"));
        assertEquals("ports[0]: null is not a port; allowed 1-65535", refusal((String) null));
    }

    @Test
    void rejectsAnEmptyOrRepeatedPortList() {
        assertEquals("ports: at least one port is needed; allowed 1-65535", refusal());
        assertEquals("ports[1]: 80 is listed twice", refusal("80", "80"));
        assertEquals("ports[1]: 443 is listed twice", refusal("443", "default"));
    }

    @Test
    void rejectsAHostNameInsteadOfAnAddress() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new TransparentConfig(null, "localhost", List.of("80")));
        assertEquals("address: \"localhost\" is not an IP address; allowed an IPv4 or IPv6 literal such as :: "
                + "or 0.0.0.0", e.getMessage());
    }

    @Test
    void takesOnlyAnAbsoluteNamespacePath() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new TransparentConfig(Path.of("run/netns/lab"), null, List.of("80")));
        assertEquals("netns: \"run/netns/lab\" is not an absolute path; allowed /run/netns/NAME (made by ip netns "
                + "add NAME) or /proc/PID/ns/net", e.getMessage());
        assertEquals(Path.of("/run/netns/lab"),
                new TransparentConfig(Path.of("/run/netns/lab"), null, List.of("80")).netns());
    }
}
