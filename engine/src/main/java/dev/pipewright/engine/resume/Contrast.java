package dev.pipewright.engine.resume;

/**
 * Two versions of a value side by side, {@code "a" → "b"}; when they are long, only the part
 * where they differ, with some context, so that a change in a long command line is visible.
 */
final class Contrast {

    /** Shown whole up to this length; longer ones are cut around the difference. */
    static final int WHOLE = 60;
    private static final int CONTEXT = 16;

    private Contrast() {
    }

    static String of(String before, String after) {
        if (before.length() <= WHOLE && after.length() <= WHOLE) {
            return before + " → " + after;
        }
        int prefix = 0;
        int shortest = Math.min(before.length(), after.length());
        while (prefix < shortest && before.charAt(prefix) == after.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < shortest - prefix
                && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
            suffix++;
        }
        int from = Math.max(0, prefix - CONTEXT);
        return excerpt(before, from, suffix) + " → " + excerpt(after, from, suffix);
    }

    private static String excerpt(String text, int from, int suffix) {
        int to = Math.min(text.length(), text.length() - suffix + CONTEXT);
        to = Math.min(to, from + WHOLE);
        return (from > 0 ? "…" : "") + text.substring(from, Math.max(from, to)) + (to < text.length() ? "…" : "");
    }
}
