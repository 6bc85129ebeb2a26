// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlainValueTest {

    @Test
    void singleWordsStayBare() {
        assertEquals("unix:/run/a.sock", PlainValue.of("unix:/run/a.sock"));
    }

    @Test
    void emptyValueIsQuotedSoTheFieldIsNotLost() {
        assertEquals("\"\"", PlainValue.of(""));
    }

    @Test
    void controlCharactersAreEscapedInsideQuotes() {
        assertEquals("\"a\\tb\\u0001\"", PlainValue.of("a\tb\u0001"));
    }
}
