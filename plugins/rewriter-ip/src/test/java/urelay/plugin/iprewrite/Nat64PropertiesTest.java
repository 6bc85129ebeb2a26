// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.iprewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class Nat64PropertiesTest {

    @Property
    void nat46GivesBackTheAddressNat64Embedded(@ForAll("ipv4") Inet4Address address, @ForAll("prefixes") Nat64 nat64) {
        assertEquals(Optional.of(address), nat64.extract(nat64.embed(address)));
    }

    @Property
    void theEmbeddedAddressLiesInsideThePrefixWithTheUOctetZero(
            @ForAll("ipv4") Inet4Address address, @ForAll("prefixes") Nat64 nat64) {
        Inet6Address embedded = nat64.embed(address);

        assertTrue(nat64.prefix().contains(embedded), embedded + " under " + nat64.prefix());
        assertEquals(0, embedded.getAddress()[8], "u octet of " + embedded);
    }

    @Property
    void everyBitAfterTheIpv4AddressIsZero(@ForAll("ipv4") Inet4Address address, @ForAll("prefixes") Nat64 nat64) {
        int end = nat64.prefix().length() + 32 + (nat64.prefix().length() <= 64 ? 8 : 0);
        assertTrue(AddressBits.zeroFrom(nat64.embed(address).getAddress(), end));
    }

    @Provide
    Arbitrary<Inet4Address> ipv4() {
        return AddressArbitraries.ipv4();
    }

    /** A prefix of every allowed length with random network bits, octet 8 cleared for /96. */
    @Provide
    Arbitrary<Nat64> prefixes() {
        return Arbitraries.of(Nat64.LENGTHS).flatMap(length -> AddressArbitraries.ipv6().map(address -> {
            byte[] bytes = address.getAddress();
            bytes[8] = 0;
            return new Nat64(AddressArbitraries.prefix(bytes, length));
        }));
    }
}
