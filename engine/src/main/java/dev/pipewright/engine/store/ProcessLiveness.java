package dev.pipewright.engine.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Tells whether the process that wrote a run's {@code pipeline:start} is still running it. A pid
 * alone is not enough: the operating system reuses pids, so a live process with that pid that
 * started after the run did is some other program.
 */
public final class ProcessLiveness {

    /** /proc start times are rounded to clock ticks, and boot time drifts a little. */
    private static final Duration CLOCK_SLACK = Duration.ofSeconds(1);

    private static volatile Set<String> localNames;

    private ProcessLiveness() {
    }

    /** What we can say about a run's process. */
    public enum Verdict {
        ALIVE,
        GONE,
        /** It ran on another host: we cannot look. */
        UNKNOWN
    }

    /** Why a run was judged gone, for the run's {@code error}. */
    public static String describeGone(long pid, String host) {
        return "interrupted: the process that ran it (pid " + pid + (host == null ? "" : " on " + host)
                + ") ended without finishing the run";
    }

    public static Verdict check(long pid, String host, Instant runStarted) {
        if (host != null && !isLocal(host)) {
            return Verdict.UNKNOWN;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return Verdict.GONE;
        }
        Optional<Instant> processStarted = handle.get().info().startInstant();
        if (processStarted.isPresent() && runStarted != null
                && processStarted.get().isAfter(runStarted.plus(CLOCK_SLACK))) {
            return Verdict.GONE;
        }
        return Verdict.ALIVE;
    }

    /**
     * Whether {@code host} names this machine. The engine writes {@code $HOSTNAME}, else
     * /etc/hostname, else the resolver's name; the resolver (which may wait on DNS) is only asked
     * when the cheap names do not match.
     */
    public static boolean isLocal(String host) {
        String name = host.trim().toLowerCase(Locale.ROOT);
        if (matches(cheapNames(), name)) {
            return true;
        }
        Set<String> resolved = new HashSet<>();
        try {
            addName(resolved, InetAddress.getLocalHost().getHostName());
        } catch (IOException e) {
            // No resolvable host name: the cheap names were all we had.
        }
        return matches(resolved, name);
    }

    private static boolean matches(Set<String> names, String name) {
        int dot = name.indexOf('.');
        return names.contains(name) || dot > 0 && names.contains(name.substring(0, dot));
    }

    private static Set<String> cheapNames() {
        Set<String> names = localNames;
        if (names == null) {
            names = new HashSet<>(Set.of("localhost", "127.0.0.1"));
            addName(names, System.getenv("HOSTNAME"));
            try {
                addName(names, Files.readString(Path.of("/etc/hostname")));
            } catch (IOException | RuntimeException e) {
                // Not on Linux, or unreadable: the other names still apply.
            }
            localNames = names;
        }
        return names;
    }

    private static void addName(Set<String> names, String name) {
        if (name != null && !name.isBlank()) {
            String trimmed = name.trim().toLowerCase(Locale.ROOT);
            names.add(trimmed);
            int dot = trimmed.indexOf('.');
            if (dot > 0 && !Character.isDigit(trimmed.charAt(0))) {
                names.add(trimmed.substring(0, dot));
            }
        }
    }
}
