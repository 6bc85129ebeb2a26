// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PortRangeTest {

    @Test
    void singlePortParsesToARangeOfOne() {
        assertEquals(new PortRange(80, 80), PortRange.parse("80"));
    }

    @Test
    void rangeIncludesBothEnds() {
        PortRange range = PortRange.parse("8000-8999");

        assertTrue(range.contains(8000));
        assertTrue(range.contains(8999));
        assertFalse(range.contains(9000));
        assertFalse(range.contains(7999));
    }

    @Test
    void reversedRangeIsRefused() {
        var error = assertThrows(IllegalArgumentException.class, () -> PortRange.parse("9000-8000"));

        assertEquals("range 9000-8000 ends before it starts", error.getMessage());
    }

    @Test
    void portsOutsideOneTo65535AreRefused() {
        var zero = assertThrows(IllegalArgumentException.class, () -> PortRange.parse("0"));
        var tooHigh = assertThrows(IllegalArgumentException.class, () -> PortRange.parse("70000"));

        assertEquals("0 is not a port", zero.getMessage());
        assertEquals("70000 is not a port", tooHigh.getMessage());
    }

    @Test
    void nonNumbersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PortRange.parse("http"));
        assertThrows(IllegalArgumentException.class, () -> PortRange.parse("80-"));
        assertThrows(IllegalArgumentException.class, () -> PortRange.parse("-80"));
        assertThrows(IllegalArgumentException.class, () -> PortRange.parse("1-2-3"));
    }

    @Test
    void printsAsWritten() {
        assertEquals("80", PortRange.of(80).toString());
        assertEquals("8000-8999", new PortRange(8000, 8999).toString());
    }
}
