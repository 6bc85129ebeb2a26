// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class CidrPropertiesTest {

    @Property
    void everyAddressWithTheNetworkBitsOfAPrefixIsInsideIt(
            @ForAll @Size(16) byte[] networkSource,
            @ForAll @Size(16) byte[] hostSource,
            @ForAll boolean ipv6,
            @ForAll @IntRange(min = 0, max = 128) int length) throws UnknownHostException {
        int bytes = ipv6 ? 16 : 4;
        int prefixLength = Math.min(length, bytes * 8);
        Cidr cidr = prefix(networkSource, bytes, prefixLength);

        byte[] candidate = new byte[bytes];
        for (int bit = 0; bit < bytes * 8; bit++) {
            boolean set = bit < prefixLength ? bit(networkSource, bit) : bit(hostSource, bit);
            setBit(candidate, bit, set);
        }
        // The JDK turns IPv4-mapped IPv6 bytes into an IPv4 address, which no IPv6 prefix holds.
        Assume.that(bytes == 4 || !isV4Mapped(candidate));

        assertTrue(cidr.contains(InetAddress.getByAddress(candidate)), cidr + " and " + candidate.length);
    }

    @Property
    void flippingANetworkBitLeavesThePrefix(
            @ForAll @Size(16) byte[] networkSource,
            @ForAll boolean ipv6,
            @ForAll @IntRange(min = 1, max = 128) int length,
            @ForAll @IntRange(min = 0, max = 127) int flipSeed) throws UnknownHostException {
        int bytes = ipv6 ? 16 : 4;
        int prefixLength = Math.min(length, bytes * 8);
        Cidr cidr = prefix(networkSource, bytes, prefixLength);

        byte[] candidate = cidr.network().getAddress();
        int flip = flipSeed % prefixLength;
        setBit(candidate, flip, !bit(candidate, flip));

        assertFalse(cidr.contains(InetAddress.getByAddress(candidate)));
    }

    @Property
    void anAddressNeverMatchesAPrefixOfTheOtherFamily(
            @ForAll @Size(16) byte[] source,
            @ForAll @IntRange(min = 0, max = 32) int length) throws UnknownHostException {
        Cidr v4 = prefix(source, 4, length);
        Cidr v6 = prefix(source, 16, length);

        byte[] v6Bytes = new byte[16];
        System.arraycopy(source, 0, v6Bytes, 0, 16);
        Assume.that(!isV4Mapped(v6Bytes));

        assertFalse(v4.contains(InetAddress.getByAddress(v6Bytes)));
        assertFalse(v6.contains(InetAddress.getByAddress(new byte[] {source[0], source[1], source[2], source[3]})));
    }

    @Property
    void parsingTheTextOfAPrefixGivesItBack(
            @ForAll @Size(16) byte[] source,
            @ForAll boolean ipv6,
            @ForAll @IntRange(min = 0, max = 128) int length) throws UnknownHostException {
        int bytes = ipv6 ? 16 : 4;
        Cidr cidr = prefix(source, bytes, Math.min(length, bytes * 8));

        assertEquals(cidr, Cidr.parse(cidr.toString()));
    }

    private static Cidr prefix(byte[] source, int bytes, int prefixLength) throws UnknownHostException {
        byte[] network = new byte[bytes];
        for (int bit = 0; bit < prefixLength; bit++) {
            setBit(network, bit, bit(source, bit));
        }
        return new Cidr(InetAddress.getByAddress(network), prefixLength);
    }

    private static boolean isV4Mapped(byte[] address) {
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[10] == (byte) 0xff && address[11] == (byte) 0xff;
    }

    private static boolean bit(byte[] bytes, int bit) {
        return (bytes[bit / 8] & (0x80 >>> (bit % 8))) != 0;
    }

    private static void setBit(byte[] bytes, int bit, boolean value) {
        int mask = 0x80 >>> (bit % 8);
        bytes[bit / 8] = (byte) (value ? bytes[bit / 8] | mask : bytes[bit / 8] & ~mask);
    }
}
