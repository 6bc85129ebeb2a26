// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.iprewrite;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Random addresses and prefixes for the property tests. */
final class AddressArbitraries {

    private AddressArbitraries() {
    }

    static Arbitrary<Inet4Address> ipv4() {
        return Arbitraries.bytes().array(byte[].class).ofSize(4)
                .map(bytes -> (Inet4Address) AddressBits.toAddress(bytes));
    }

    static Arbitrary<Inet6Address> ipv6() {
        return Arbitraries.bytes().array(byte[].class).ofSize(16)
                .map(bytes -> (Inet6Address) AddressBits.toAddress(bytes));
    }

    /** Any IPv4 or IPv6 address. */
    static Arbitrary<InetAddress> address() {
        return Arbitraries.oneOf(ipv4(), ipv6());
    }

    /** The prefix of the given length that {@code bytes} start with (later bits cleared). */
    static IpPrefix prefix(byte[] bytes, int length) {
        byte[] network = new byte[bytes.length];
        AddressBits.copyPrefix(bytes, network, length);
        return new IpPrefix(AddressBits.toAddress(network), length);
    }

    /** Any IPv4 or IPv6 prefix, of any length its family allows. */
    static Arbitrary<IpPrefix> prefix() {
        return address().flatMap(address -> {
            byte[] bytes = address.getAddress();
            return Arbitraries.integers().between(0, bytes.length * 8).map(length -> prefix(bytes, length));
        });
    }
}
