package dev.pipewright.engine.report;

import java.time.Duration;
import java.util.Locale;

/**
 * Durations the way people read them: {@code 850ms}, {@code 3.2s}, {@code 4m 05s}, {@code 1h 02m}.
 * One format for the consoles, {@code show}, the REPL and {@code explain}.
 */
public final class HumanDuration {

    private HumanDuration() {
    }

    public static String format(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        if (millis < 1_000) {
            return millis + "ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, (seconds % 3600) / 60);
    }
}
