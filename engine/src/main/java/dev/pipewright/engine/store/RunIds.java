package dev.pipewright.engine.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Run ids that sort by start time as plain strings: {@code 20261128-142530-123-a1b2}, the UTC
 * date, time and milliseconds, then four random hex digits so two runs started in the same
 * millisecond (by two processes) do not collide.
 */
public final class RunIds {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private RunIds() {
    }

    /** A fresh id for a run starting now. */
    public static String next() {
        return at(Instant.now());
    }

    /** A fresh id for a run starting at {@code time}. */
    public static String at(Instant time) {
        return FORMAT.format(time) + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }

    /**
     * Whether {@code name} has the shape of a run id, {@code \d{8}-\d{6}-\d{3}-[0-9a-f]{4}} (used
     * to tell run directories from other files). Checked by hand rather than by a regular
     * expression: a listing asks it of every entry of a directory that may hold thousands.
     */
    public static boolean looksLikeRunId(String name) {
        if (name.length() != 24) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean fits = switch (i) {
                case 8, 15, 19 -> c == '-';
                case 20, 21, 22, 23 -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
                default -> c >= '0' && c <= '9';
            };
            if (!fits) {
                return false;
            }
        }
        return true;
    }
}
