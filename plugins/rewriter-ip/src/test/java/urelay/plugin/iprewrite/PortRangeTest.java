// SPDX-License-Identifier: Apache-2.0
package urelay.plugin.iprewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PortRangeTest {

    private static final String ALLOWED = "allowed PORT or FIRST-LAST such as 8080 or 8000-8099";

    private static String error(String text) {
        return assertThrows(IllegalArgumentException.class, () -> PortRange.parse(text)).getMessage();
    }

    @Test
    void readsASinglePortAsARunOfOne() {
        PortRange port = PortRange.parse("80");
        assertEquals(new PortRange(80, 80), port);
        assertEquals(1, port.size());
        assertEquals("80", port.toString());
    }

    @Test
    void readsARangeWithBothEndsIncluded() {
        PortRange range = PortRange.parse("8000-8099");
        assertEquals(100, range.size());
        assertTrue(range.contains(8000));
        assertTrue(range.contains(8099));
        assertFalse(range.contains(7999));
        assertFalse(range.contains(8100));
        assertEquals("8000-8099", range.toString());
    }

    @Test
    void coversTheWholePortSpace() {
        assertEquals(65535, PortRange.parse("1-65535").size());
    }

    @Test
    void rejectsTextThatIsNotAPortOrRange() {
        assertEquals("\"80-\" is not a port or a range; " + ALLOWED, error("80-"));
        assertEquals("\"http\" is not a port or a range; " + ALLOWED, error("http"));
        assertEquals("\"-1\" is not a port or a range; " + ALLOWED, error("-1"));
        assertEquals("\"\" is not a port or a range; " + ALLOWED, error(""));
    }

    @Test
    void rejectsPortsOutsideTheTcpRange() {
        assertEquals("\"0\" goes outside 1-65535; " + ALLOWED, error("0"));
        assertEquals("\"65000-65536\" goes outside 1-65535; " + ALLOWED, error("65000-65536"));
    }

    @Test
    void rejectsARangeThatRunsBackwards() {
        assertEquals("\"8099-8000\" runs backwards; allowed FIRST-LAST with FIRST at most LAST, such as 8000-8099",
                error("8099-8000"));
    }
}
