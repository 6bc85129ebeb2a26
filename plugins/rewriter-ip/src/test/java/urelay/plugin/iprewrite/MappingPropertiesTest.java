// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.iprewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MappingPropertiesTest {

    /** A prefix map and an address inside its {@code from} prefix. */
    private record CoveredAddress(PrefixMapping mapping, InetAddress address) {
    }

    /** A port map and a port inside its {@code from} run. */
    private record CoveredPort(PortMapping mapping, int port) {
    }

    @Property
    void prefixMapThereAndBackGivesTheAddressBack(@ForAll("coveredAddresses") CoveredAddress covered) {
        PrefixMapping there = covered.mapping();
        PrefixMapping back = new PrefixMapping(there.to(), there.from());

        InetAddress mapped = there.map(covered.address());

        assertTrue(there.to().contains(mapped), mapped + " under " + there.to());
        assertEquals(covered.address(), back.map(mapped));
    }

    @Property
    void portMapThereAndBackGivesThePortBack(@ForAll("coveredPorts") CoveredPort covered) {
        PortMapping there = covered.mapping();
        PortMapping back = new PortMapping(there.to(), there.from());

        int mapped = there.map(covered.port());

        assertTrue(there.to().contains(mapped), mapped + " in " + there.to());
        assertEquals(covered.port(), back.map(mapped));
    }

    /** Random same-family, same-length prefixes (v4 or v6, any length) and an address under the first. */
    @Provide
    Arbitrary<CoveredAddress> coveredAddresses() {
        return AddressArbitraries.address().flatMap(from -> {
            int width = from.getAddress().length * 8;
            Arbitrary<InetAddress> sameFamily = from.getAddress().length == 4
                    ? AddressArbitraries.ipv4().map(InetAddress.class::cast)
                    : AddressArbitraries.ipv6().map(InetAddress.class::cast);
            return Combinators.combine(Arbitraries.integers().between(0, width), sameFamily).as((length, to) -> {
                PrefixMapping mapping = new PrefixMapping(AddressArbitraries.prefix(from.getAddress(), length),
                        AddressArbitraries.prefix(to.getAddress(), length));
                return new CoveredAddress(mapping, from);
            });
        });
    }

    /** Two runs of the same size anywhere in 1-65535, and a port in the first. */
    @Provide
    Arbitrary<CoveredPort> coveredPorts() {
        Arbitrary<PortMapping> mappings = Arbitraries.integers().between(1, 65535).flatMap(size -> Combinators.combine(
                Arbitraries.integers().between(1, 65536 - size),
                Arbitraries.integers().between(1, 65536 - size)).as((from, to) -> new PortMapping(
                        new PortRange(from, from + size - 1), new PortRange(to, to + size - 1))));
        return mappings.flatMap(mapping -> Arbitraries.integers().between(mapping.from().first(), mapping.from().last())
                .map(port -> new CoveredPort(mapping, port)));
    }
}
