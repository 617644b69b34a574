package dev.pipewright.engine.query;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Finds the known name closest to a misspelt one: within two edits, or sharing its start. */
final class DidYouMean {

    private DidYouMean() {
    }

    static Optional<String> closest(String typed, Collection<String> known) {
        return known.stream()
                .filter(candidate -> distance(typed.toLowerCase(), candidate.toLowerCase()) <= 2
                        || candidate.toLowerCase().startsWith(typed.toLowerCase()) && typed.length() >= 3)
                .min(Comparator.comparingInt(candidate -> distance(typed, candidate)));
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
