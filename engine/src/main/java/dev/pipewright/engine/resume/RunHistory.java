package dev.pipewright.engine.resume;

import dev.pipewright.engine.events.EventCodec;
import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.store.RunDirectory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds and reads earlier runs in a state directory, for resuming and for {@code explain}. */
public final class RunHistory {

    private RunHistory() {
    }

    /**
     * The latest run of {@code pipeline} (of any pipeline when null) other than {@code excluding}
     * (the run starting now; may be null).
     */
    public static Optional<String> latest(Path stateDirectory, String pipeline, String excluding) {
        Path runs = RunDirectory.runsRoot(stateDirectory);
        if (!Files.isDirectory(runs)) {
            return Optional.empty();
        }
        List<Path> newestFirst;
        try (Stream<Path> listing = Files.list(runs)) {
            // Run ids sort by time.
            newestFirst = listing.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + runs + ": " + e.getMessage(), e);
        }
        for (Path run : newestFirst) {
            String id = run.getFileName().toString();
            if (id.equals(excluding)) {
                // Not read at all: the run starting now has just written its first line, which
                // lists every stage of the pipeline (tens of milliseconds for a large one).
                continue;
            }
            Optional<String> ran = pipelineOf(stateDirectory, id);
            if (ran.isPresent() && (pipeline == null || pipeline.equals(ran.get()))) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /** The pipeline a run ran, from the first line of its event log; empty when it has none. */
    public static Optional<String> pipelineOf(Path stateDirectory, String runId) {
        Path events = RunDirectory.of(stateDirectory, runId).eventsFile();
        if (!Files.isRegularFile(events)) {
            return Optional.empty();
        }
        try (BufferedReader reader = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            return first == null ? Optional.empty() : Optional.of(EventCodec.decode(first).pipeline());
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A run's events, up to its last complete line (a crash may have cut the one after). */
    public static List<RunEvent> events(Path stateDirectory, String runId) {
        Path file = RunDirectory.of(stateDirectory, runId).eventsFile();
        List<RunEvent> events = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                try {
                    events.add(EventCodec.decode(line));
                } catch (EventCodec.MalformedEventException torn) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return events;
    }

    /** Whether the state directory holds a run with that id. */
    public static boolean exists(Path stateDirectory, String runId) {
        return Files.isRegularFile(RunDirectory.of(stateDirectory, runId).eventsFile());
    }

    /** The stage records of an earlier run. */
    public static PreviousRun load(Path stateDirectory, String runId) {
        return StageRecords.project(runId, events(stateDirectory, runId),
                FingerprintLog.read(RunDirectory.of(stateDirectory, runId).root()));
    }
}
