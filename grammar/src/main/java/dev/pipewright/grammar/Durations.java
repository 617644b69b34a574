package dev.pipewright.grammar;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as the language writes them: one or more {@code <integer><unit>} with units
 * {@code h}, {@code m}, {@code s}, {@code ms}, largest first and each at most once
 * ({@code 500ms}, {@code 2m}, {@code 1h30m}). Also used for {@code -p NAME=VALUE} of type duration.
 */
public final class Durations {

    private static final Pattern PART = Pattern.compile("([0-9]+)(ms|h|m|s)");

    private Durations() {
    }

    /**
     * The duration written as {@code text}.
     *
     * @throws IllegalArgumentException with a message for people when {@code text} is not a duration
     */
    public static Duration parse(String text) {
        Matcher part = PART.matcher(text);
        Duration total = Duration.ZERO;
        int position = 0;
        int lastUnitRank = -1;
        while (position < text.length()) {
            if (!part.find(position) || part.start() != position) {
                throw new IllegalArgumentException("`" + text + "` is not a duration");
            }
            String unit = part.group(2);
            int rank = rank(unit);
            if (rank <= lastUnitRank) {
                throw new IllegalArgumentException("the units of `" + text + "` must go from largest to smallest, each once");
            }
            lastUnitRank = rank;
            try {
                long amount = Long.parseLong(part.group(1));
                total = total.plus(switch (unit) {
                    case "h" -> Duration.ofHours(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    default -> Duration.ofMillis(amount);
                });
            } catch (ArithmeticException | NumberFormatException tooLarge) {
                throw new IllegalArgumentException("`" + text + "` is too long a duration");
            }
            position = part.end();
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("an empty text is not a duration");
        }
        return total;
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
