// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DomainSuffixTest {

    @Test
    void leadingAndTrailingDotsAndCaseAreIgnored() {
        assertEquals(new DomainSuffix("example.org"), DomainSuffix.parse(".Example.ORG."));
    }

    @Test
    void matchesTheNameItselfAndNamesBelowIt() {
        DomainSuffix suffix = DomainSuffix.parse("example.org");

        assertTrue(suffix.matches("example.org"));
        assertTrue(suffix.matches("a.b.example.org"));
        assertTrue(suffix.matches("WWW.Example.Org"));
    }

    @Test
    void doesNotMatchANameThatOnlySharesTheLastCharacters() {
        DomainSuffix suffix = DomainSuffix.parse("example.org");

        assertFalse(suffix.matches("badexample.org"));
        assertFalse(suffix.matches("org"));
        assertFalse(suffix.matches("example.org.net"));
    }

    @Test
    void aTopLevelSuffixTakesEveryNameUnderIt() {
        assertTrue(DomainSuffix.parse("internal").matches("db.lab.internal"));
    }

    @Test
    void refusesAnAddressWithAdviceToUseCidr() {
        var v4 = assertThrows(IllegalArgumentException.class, () -> DomainSuffix.parse("192.0.2.1"));
        var v6 = assertThrows(IllegalArgumentException.class, () -> DomainSuffix.parse("2001:db8::1"));

        assertEquals("it looks like an IP address; match addresses with cidr", v4.getMessage());
        assertEquals(v4.getMessage(), v6.getMessage());
    }

    @Test
    void refusesEmptyLabelsAndCharactersNamesCannotHold() {
        assertEquals("it has an empty label",
                assertThrows(IllegalArgumentException.class, () -> DomainSuffix.parse("a..org")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> DomainSuffix.parse("."));
        assertThrows(IllegalArgumentException.class, () -> DomainSuffix.parse("exa mple.org"));
        assertThrows(IllegalArgumentException.class, () -> DomainSuffix.parse("-example.org"));
        assertThrows(IllegalArgumentException.class, () -> DomainSuffix.parse("*.example.org"));
    }

    @Test
    void asksForTheAsciiFormOfAnInternationalName() {
        assertEquals("write an international name in its ASCII form (xn--...)",
                assertThrows(IllegalArgumentException.class, () -> DomainSuffix.parse("bücher.example")).getMessage());
    }
}
