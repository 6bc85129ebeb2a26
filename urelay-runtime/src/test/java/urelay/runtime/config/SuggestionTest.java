// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionTest {

    @Test
    void suggestsTheKnownWordOneTypoAway() {
        assertEquals(Optional.of("source"), Suggestion.closest("sorce", List.of("name", "source", "routes")));
    }

    @Test
    void suggestsNothingForAWordFarFromEveryKnownOne() {
        assertEquals(Optional.empty(), Suggestion.closest("socks", List.of("direct", "reject")));
    }

    @Test
    void shortWordsGetOnlyOneEdit() {
        assertEquals(Optional.empty(), Suggestion.closest("ab", List.of("xy")));
        assertEquals(Optional.of("out"), Suggestion.closest("ou", List.of("out")));
    }

    @Test
    void aSwapOfNeighbouringLettersIsOneEdit() {
        assertEquals(1, Suggestion.distance("prots", "ports"));
        assertEquals(Optional.of("ports"), Suggestion.closest("prots", List.of("address", "netns", "ports")));
    }

    @Test
    void distanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(3, Suggestion.distance("kitten", "sitting"));
        assertEquals(0, Suggestion.distance("", ""));
        assertEquals(4, Suggestion.distance("", "port"));
    }
}
