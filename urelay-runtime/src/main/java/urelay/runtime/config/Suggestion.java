// SPDX-License-Identifier: Apache-2.0
package urelay.runtime.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Guesses what a misspelt key, type or name was meant to be: the known word fewest edits
 * away, if it is close enough that the guess is likely right.
 */
final class Suggestion {

    private Suggestion() {
    }

    /** {@code  (did you mean "source"?)} with a leading space, or an empty string. */
    static String didYouMean(String given, Collection<String> known) {
        return closest(given, known).map(word -> " (did you mean \"" + word + "\"?)").orElse("");
    }

    static Optional<String> closest(String given, Collection<String> known) {
        int allowed = Math.min(2, Math.max(1, given.length() / 3));
        return known.stream()
                .filter(word -> !word.equals(given))
                .map(word -> new Candidate(word, distance(given, word)))
                .filter(candidate -> candidate.distance() <= allowed)
                .min(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::word))
                .map(Candidate::word);
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private record Candidate(String word, int distance) {
    }
}
