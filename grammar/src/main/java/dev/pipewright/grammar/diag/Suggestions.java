package dev.pipewright.grammar.diag;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean ...?": the closest known name to a misspelt one, by edit distance. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate closest to {@code typed}, if it is close enough to be what was meant: at most
     * one edit for short names, two for names of five or more characters, a third of the length
     * beyond that.
     */
    public static Optional<String> closest(String typed, Collection<String> candidates) {
        int allowed = Math.max(typed.length() >= 5 ? 2 : 1, typed.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(typed, candidate);
            if (distance < bestDistance && distance <= allowed && !candidate.equals(typed)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code "did you mean `x`?"} when a close candidate exists. */
    public static Optional<String> didYouMean(String typed, Collection<String> candidates) {
        return closest(typed, candidates).map(c -> "did you mean `" + c + "`?");
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
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
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
