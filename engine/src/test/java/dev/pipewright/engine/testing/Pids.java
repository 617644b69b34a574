package dev.pipewright.engine.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Process ids written by test scripts, and whether those processes still run. */
public final class Pids {

    private Pids() {
    }

    public static long read(Path file) throws IOException {
        return Long.parseLong(Files.readString(file).strip());
    }

    /** Running: it exists and is not a zombie waiting for a parent that may never reap it. */
    public static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits (a bounded while: killing and reaping are asynchronous) until none of the processes runs. */
    public static void awaitGone(long... pids) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            for (long pid : pids) {
                if (running(pid)) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Waits until {@code file} exists with content (the script got that far). */
    public static void awaitFile(Path file) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> Files.exists(file) && Files.size(file) > 0);
    }
}
