package dev.pipewright.cli.runs;

import dev.pipewright.engine.report.HumanDuration;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How run values read in tables: local times, human durations, one-line errors. */
final class Cells {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private Cells() {
    }

    static String time(Instant instant) {
        return instant == null ? "-" : LOCAL.format(instant);
    }

    static String duration(Duration duration) {
        return duration == null ? "-" : HumanDuration.format(duration);
    }

    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    /** The first line of a message, cut to {@code max} characters. */
    static String oneLine(String text, int max) {
        if (text == null) {
            return "";
        }
        String line = text.lines().findFirst().orElse("");
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
