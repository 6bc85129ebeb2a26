// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import urelay.runtime.route.Cidr;
import urelay.spi.DomainDestination;
import urelay.spi.IpDestination;

class GuardTest {

    private static final InetAddress OWN = InetAddress.ofLiteral("203.0.113.1");
    private final Guard guard = new Guard(() -> Set.of(OWN, InetAddress.ofLiteral("127.0.0.1")),
            Set.of(new InetSocketAddress(InetAddress.ofLiteral("::"), 8080),
                    new InetSocketAddress(InetAddress.ofLiteral("198.51.100.50"), 9000)));

    private static IpDestination at(String address, int port) {
        return new IpDestination(InetAddress.ofLiteral(address), port);
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, loopback", "127.8.9.10, loopback", "::1, loopback",
        "0.0.0.0, unspecified", "0.1.2.3, unspecified", ":: , unspecified",
        "169.254.169.254, link-local", "fe80::1, link-local",
        "224.0.0.1, multicast", "ff02::1, multicast", "255.255.255.255, broadcast",
        "203.0.113.1, own-address",
    })
    void refusesSpecialRangesAndOwnAddresses(String address, String reason) {
        assertEquals(new Verdict.Forbidden(reason), guard.judge(at(address.isBlank() ? "::" : address, 22), List.of()));
    }

    @Test
    void letsOrdinaryDestinationsPass() {
        assertEquals(new Verdict.Pass(), guard.judge(at("198.51.100.7", 80), List.of()));
        assertEquals(new Verdict.Pass(), guard.judge(at("2001:db8::7", 443), List.of()));
    }

    @Test
    void opensARangeTheRouteAllowsAndSaysSo() {
        Verdict verdict = guard.judge(at("127.0.0.1", 22), List.of(Cidr.parse("127.0.0.1/32")));
        assertEquals(new Verdict.Opened("loopback", "127.0.0.1/32"), verdict);
        assertEquals("allowed:127.0.0.1/32(loopback)", verdict.auditText());
    }

    @Test
    void refusesUrelaysOwnListeningSocketsEvenWhenAllowed() {
        List<Cidr> everything = List.of(Cidr.parse("0.0.0.0/0"), Cidr.parse("::/0"));
        assertEquals(new Verdict.Forbidden("loop"), guard.judge(at("203.0.113.1", 8080), everything));
        assertEquals(new Verdict.Forbidden("loop"), guard.judge(at("127.0.0.1", 8080), everything));
        assertEquals(new Verdict.Forbidden("loop"), guard.judge(at("198.51.100.50", 9000), everything));
        assertEquals(new Verdict.Pass(), guard.judge(at("198.51.100.50", 9001), everything));
    }

    @Test
    void findsALoopThroughTheUnspecifiedAddressEvenWhenAllowed() {
        List<Cidr> allowed = List.of(Cidr.parse("0.0.0.0/32"), Cidr.parse("::/128"));
        assertEquals(new Verdict.Forbidden("loop"), guard.judge(at("0.0.0.0", 8080), allowed));
        assertEquals(new Verdict.Forbidden("loop"), guard.judge(at("::", 8080), allowed));
    }

    @Test
    void judgesAnIpv4MappedDestinationAsTheIpv4AddressItStandsFor() throws Exception {
        byte[] mapped = InetAddress.ofLiteral("::1").getAddress();
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 127;
        mapped[15] = 1;
        IpDestination destination = new IpDestination(java.net.Inet6Address.getByAddress(null, mapped, -1), 22);
        assertEquals(new Verdict.Forbidden("loopback"), guard.judge(destination, List.of()));
    }

    @Test
    void leavesDomainNamesToTheSink() {
        assertEquals(new Verdict.Pass(), guard.judge(new DomainDestination("localhost", 22), List.of()));
    }

    @Test
    void readsTheLoopbackAddressOfThisNamespace() throws Exception {
        assertEquals(true, urelay.runtime.linux.Interfaces.addresses().contains(InetAddress.ofLiteral("127.0.0.1")));
    }
}
