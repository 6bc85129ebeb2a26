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

    /**
     * Edits from one word to the other: insertions, deletions, substitutions, and swaps of two
     * neighbouring letters, the commonest slip of typing ({@code prots} for {@code ports}).
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private record Candidate(String word, int distance) {
    }
}
