package dev.pipewright.grammar;

import java.time.Duration;

/**
 * Durations as the language writes them: one or more {@code <integer><unit>} with units
 * {@code h}, {@code m}, {@code s}, {@code ms}, largest first and each at most once
 * ({@code 500ms}, {@code 2m}, {@code 1h30m}). Also used for {@code -p NAME=VALUE} of type duration.
 */
public final class Durations {

    private Durations() {
    }

    /**
     * The duration written as {@code text}.
     *
     * @throws IllegalArgumentException with a message for people when {@code text} is not a duration
     */
    public static Duration parse(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("an empty text is not a duration");
        }
        // By hand rather than by a regular expression: the parser reads every duration of a file here.
        Duration total = Duration.ZERO;
        int position = 0;
        int lastUnitRank = -1;
        while (position < text.length()) {
            int digits = position;
            while (digits < text.length() && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
                digits++;
            }
            int unitEnd = unitEnd(text, digits);
            if (digits == position || unitEnd == digits) {
                throw new IllegalArgumentException("`" + text + "` is not a duration");
            }
            String unit = text.substring(digits, unitEnd);
            int rank = rank(unit);
            if (rank <= lastUnitRank) {
                throw new IllegalArgumentException("the units of `" + text + "` must go from largest to smallest, each once");
            }
            lastUnitRank = rank;
            try {
                long amount = Long.parseLong(text, position, digits, 10);
                total = total.plus(switch (unit) {
                    case "h" -> Duration.ofHours(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    default -> Duration.ofMillis(amount);
                });
            } catch (ArithmeticException | NumberFormatException tooLarge) {
                throw new IllegalArgumentException("`" + text + "` is too long a duration");
            }
            position = unitEnd;
        }
        return total;
    }

    /** The end of the unit at {@code at}: {@code ms}, else {@code h}, {@code m} or {@code s}; {@code at} when none. */
    private static int unitEnd(String text, int at) {
        if (text.startsWith("ms", at)) {
            return at + 2;
        }
        if (at < text.length() && "hms".indexOf(text.charAt(at)) >= 0) {
            return at + 1;
        }
        return at;
    }

    /** What to write instead; shown as a hint under a bad duration. */
    public static String hint() {
        return "write a whole number with a unit ms, s, m or h, largest first: `500ms`, `90s`, `1h30m`";
    }

    private static int rank(String unit) {
        return switch (unit) {
            case "h" -> 0;
            case "m" -> 1;
            case "s" -> 2;
            default -> 3;
        };
    }
}
