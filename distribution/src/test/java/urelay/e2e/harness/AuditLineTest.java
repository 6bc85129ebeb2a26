// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuditLineTest {

    @Test
    void readsAFlatJsonObjectWithStringsNumbersAndNulls() {
        AuditLine line = AuditLine.parse("{\"id\":\"00a3\",\"client\":\"[2001:db8::7]:80\","
                + " \"up_bytes\": 512, \"detail\": null, \"note\": \"a \\\"q\\\" \\u00e9\"}");

        assertEquals("00a3", line.get("id"));
        assertEquals("[2001:db8::7]:80", line.get("client"));
        assertEquals(512, line.number("up_bytes"));
        assertNull(line.get("detail"));
        assertEquals("a \"q\" \u00e9", line.get("note"));
    }

    @Test
    void readsPlainKeyValuesInOrderWithQuotedValues() {
        AuditLine line = AuditLine.parse("conn.end time=2025-01-01T00:00:00Z id=7 listener=a"
                + " detail=\"connect failed: no route\" outcome=ok sink=-");

        assertEquals(List.of("time", "id", "listener", "detail", "outcome", "sink"),
                List.copyOf(line.fields().keySet()));
        assertEquals("connect failed: no route", line.get("detail"));
        assertNull(line.get("sink"));
    }

    @Test
    void rejectsLinesInNeitherFormat() {
        assertThrows(IllegalArgumentException.class, () -> AuditLine.parse("INFO started"));
        assertThrows(IllegalArgumentException.class, () -> AuditLine.parse("{\"a\": [1]}"));
    }
}
