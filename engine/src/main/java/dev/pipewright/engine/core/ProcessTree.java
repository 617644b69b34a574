package dev.pipewright.engine.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starting processes so they can be stopped for real, and stopping them. A child started through
 * {@code setsid} leads its own session and process group, so killing the group reaches
 * grandchildren even when their parent has already died (and they were reparented to init,
 * where {@link ProcessHandle#descendants()} no longer sees them).
 */
final class ProcessTree {

    private static final String SETSID = find("setsid");
    private static final String KILL = find("kill");

    private ProcessTree() {
    }

    /** {@code argv}, run in a new session when {@code setsid} is installed. */
    static List<String> inNewSession(List<String> argv) {
        if (SETSID == null) {
            return argv;
        }
        List<String> wrapped = new ArrayList<>(argv.size() + 1);
        wrapped.add(SETSID);
        wrapped.addAll(argv);
        return wrapped;
    }

    /**
     * Kills {@code process}, its process group (when it leads one) and every descendant, at once
     * and without asking: cancellation has already waited long enough.
     *
     * @return what was killed, for the stage's output: {@code process 1234 and 2 descendants}
     */
    static String kill(Process process) {
        List<ProcessHandle> tree = new ArrayList<>();
        process.descendants().forEach(tree::add);
        if (SETSID != null && KILL != null) {
            killGroup(process.pid());
        }
        for (ProcessHandle handle : tree) {
            handle.destroyForcibly();
        }
        process.destroyForcibly();
        return "process " + process.pid() + (tree.isEmpty() ? "" : " and " + tree.size() + " descendant"
                + (tree.size() == 1 ? "" : "s")) + (SETSID != null && KILL != null ? " (and its process group)" : "");
    }

    /** {@code kill -KILL -PID}: the whole group, including members whose parents are gone. */
    private static void killGroup(long pid) {
        try {
            Process kill = new ProcessBuilder(KILL, "-KILL", "--", "-" + pid).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(2, TimeUnit.SECONDS);
        } catch (java.io.IOException e) {
            // No group to kill or no kill(1): the descendants are still destroyed one by one.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String find(String program) {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            Path path = Path.of(dir, program);
            if (Files.isExecutable(path)) {
                return path.toString();
            }
        }
        return null;
    }
}
