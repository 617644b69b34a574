package dev.pipewright.engine.events;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * {@link Instant#toString()}'s text (ISO-8601 in UTC, the fraction in groups of three digits,
 * none when zero), made without a {@code DateTimeFormatter}: every event carries a time, and
 * formatting it showed in profiles of runs of many small stages. The date and time down to the
 * second is kept for the second it names, since events come many to a second. Thread-safe.
 */
final class InstantText {

    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: four-digit years, which need no sign. */
    private static final long FIRST = -62_167_219_200L;
    private static final long LAST = 253_402_300_799L;

    /** The last second formatted; immutable, so a racy read sees a whole one. */
    private static volatile Second last = new Second(Long.MIN_VALUE, "");

    private record Second(long epochSecond, String text) {
    }

    private InstantText() {
    }

    static String of(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST || seconds > LAST) {
            return instant.toString();
        }
        Second second = last;
        if (second.epochSecond() != seconds) {
            second = new Second(seconds, secondText(seconds));
            last = second;
        }
        int nano = instant.getNano();
        StringBuilder text = new StringBuilder(31).append(second.text());
        if (nano != 0) {
            text.append('.');
            if (nano % 1_000_000 == 0) {
                digits(text, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                digits(text, nano / 1_000, 6);
            } else {
                digits(text, nano, 9);
            }
        }
        return text.append('Z').toString();
    }

    /** {@code yyyy-MM-ddTHH:mm:ss}; unlike {@code LocalDateTime.toString()}, seconds are always there. */
    private static String secondText(long epochSecond) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(19);
        digits(text, t.getYear(), 4);
        digits(text.append('-'), t.getMonthValue(), 2);
        digits(text.append('-'), t.getDayOfMonth(), 2);
        digits(text.append('T'), t.getHour(), 2);
        digits(text.append(':'), t.getMinute(), 2);
        digits(text.append(':'), t.getSecond(), 2);
        return text.toString();
    }

    private static void digits(StringBuilder out, int value, int width) {
        for (int divisor = pow10(width - 1); divisor > 0; divisor /= 10) {
            out.append((char) ('0' + value / divisor % 10));
        }
    }

    private static int pow10(int exponent) {
        int result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= 10;
        }
        return result;
    }
}
