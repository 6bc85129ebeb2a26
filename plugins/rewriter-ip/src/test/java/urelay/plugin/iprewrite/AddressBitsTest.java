// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.iprewrite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.Inet6Address;
import org.junit.jupiter.api.Test;

class AddressBitsTest {

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    @Test
    void comparesPrefixesBitByBitInsideAnOctet() {
        byte[] a = bytes(10, 0b1010_0000, 0, 0);
        byte[] b = bytes(10, 0b1011_1111, 0, 0);
        assertTrue(AddressBits.samePrefix(a, b, 11));
        assertFalse(AddressBits.samePrefix(a, b, 12));
        assertTrue(AddressBits.samePrefix(a, b, 0));
    }

    @Test
    void findsTheFirstSetBitAfterAPrefix() {
        byte[] address = bytes(192, 0, 2, 0b0001_0000);
        assertTrue(AddressBits.zeroFrom(address, 28));
        assertFalse(AddressBits.zeroFrom(address, 27));
        assertTrue(AddressBits.zeroFrom(address, 32));
    }

    @Test
    void copiesOnlyTheLeadingBitsOfAPrefix() {
        byte[] target = bytes(0xff, 0xff, 0xff, 0xff);
        AddressBits.copyPrefix(bytes(10, 0, 0, 0), target, 12);
        assertArrayEquals(bytes(10, 0x0f, 0xff, 0xff), target);
    }

    @Test
    void keepsSixteenMappedBytesAsIpv6() {
        byte[] mapped = bytes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 192, 0, 2, 1);
        assertInstanceOf(Inet6Address.class, AddressBits.toAddress(mapped));
        assertInstanceOf(Inet4Address.class, AddressBits.toAddress(bytes(192, 0, 2, 1)));
    }
}
