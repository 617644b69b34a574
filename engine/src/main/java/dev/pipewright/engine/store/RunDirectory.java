package dev.pipewright.engine.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where one run keeps what it leaves behind: {@code <state-dir>/.pipewright/runs/<run-id>/} with
 * {@code events.jsonl} (the source of truth, one event a line) and {@code work/}, the run's work
 * directory ({@code run.dir} in pipelines).
 *
 * @param root the run's directory, {@code <state-dir>/.pipewright/runs/<run-id>}
 * @param runId the run's id, the name of {@code root}
 */
public record RunDirectory(Path root, String runId) {

    /** The name of the event log inside a run directory. */
    public static final String EVENTS_FILE = "events.jsonl";
    /** The name of the work directory inside a run directory. */
    public static final String WORK_DIRECTORY = "work";

    public RunDirectory {
        Objects.requireNonNull(root, "root is null");
        Objects.requireNonNull(runId, "runId is null");
    }

    /** {@code <state-dir>/.pipewright/runs}: the parent of every run directory. */
    public static Path runsRoot(Path stateDirectory) {
        return stateDirectory.resolve(".pipewright").resolve("runs");
    }

    /** The directory of run {@code runId} under {@code stateDirectory}; nothing is created. */
    public static RunDirectory of(Path stateDirectory, String runId) {
        return new RunDirectory(runsRoot(stateDirectory).resolve(runId), runId);
    }

    /** Creates the directory of a new run with a fresh id, and its work directory. */
    public static RunDirectory create(Path stateDirectory) {
        for (int tries = 0; ; tries++) {
            RunDirectory directory = of(stateDirectory.toAbsolutePath().normalize(), RunIds.next());
            try {
                Files.createDirectories(directory.root().getParent());
                Files.createDirectory(directory.root());
                Files.createDirectory(directory.workDirectory());
                return directory;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (tries > 10) {
                    throw new UncheckedIOException("cannot find a free run id under " + directory.root().getParent(), e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the run directory " + directory.root() + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** The state directory the run is recorded under: the parent of {@code .pipewright/runs}. */
    public Path stateDirectory() {
        return root.getParent().getParent().getParent();
    }

    public Path eventsFile() {
        return root.resolve(EVENTS_FILE);
    }

    public Path workDirectory() {
        return root.resolve(WORK_DIRECTORY);
    }
}
