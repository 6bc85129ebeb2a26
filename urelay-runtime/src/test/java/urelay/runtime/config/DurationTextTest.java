// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void readsEachUnit() {
        assertEquals(Duration.ofMillis(500), DurationText.parse("500ms"));
        assertEquals(Duration.ofSeconds(5), DurationText.parse("5s"));
        assertEquals(Duration.ofMinutes(2), DurationText.parse("2m"));
        assertEquals(Duration.ofHours(1), DurationText.parse("1h"));
        assertEquals(Duration.ZERO, DurationText.parse("0s"));
    }

    @Test
    void refusesANumberWithoutAUnit() {
        var error = assertThrows(IllegalArgumentException.class, () -> DurationText.parse("30"));

        assertEquals("\"30\" is not a duration; write a whole number and a unit (ms, s, m or h),"
                + " such as 500ms, 5s, 2m or 1h", error.getMessage());
    }

    @Test
    void refusesFractionsNegativesAndIsoText() {
        assertThrows(IllegalArgumentException.class, () -> DurationText.parse("1.5s"));
        assertThrows(IllegalArgumentException.class, () -> DurationText.parse("-1s"));
        assertThrows(IllegalArgumentException.class, () -> DurationText.parse("PT5S"));
        assertThrows(IllegalArgumentException.class, () -> DurationText.parse("1h30m"));
    }
}
