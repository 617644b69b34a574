package dev.pipewright.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.engine.store.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Whether a run is still running, from its event log: a run is over once its log ends with a
 * final event, or when the process that wrote its {@code pipeline:start} is gone (it was killed).
 * A run with no log under the state directory is treated as live, so {@code gc} never touches
 * what it cannot account for; those run ids are collected for the report.
 */
final class RunLiveness implements Predicate<String> {

    private static final Set<String> FINAL = Set.of("pipeline:complete", "pipeline:error", "pipeline:cancel");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path stateDirectory;
    private final Set<String> unknown = new TreeSet<>();

    RunLiveness(Path stateDirectory) {
        this.stateDirectory = stateDirectory;
    }

    @Override
    public boolean test(String runId) {
        Path events = RunDirectory.of(stateDirectory, runId).eventsFile();
        if (runId == null || runId.isBlank() || runId.contains("/") || !Files.isRegularFile(events)) {
            unknown.add(String.valueOf(runId));
            return true;
        }
        try {
            List<String> lines = Files.readAllLines(events).stream().filter(l -> !l.isBlank()).toList();
            if (lines.isEmpty()) {
                return false; // the process died before its first event was flushed
            }
            if (FINAL.contains(JSON.readTree(lines.get(lines.size() - 1)).path("type").asText())) {
                return false;
            }
            JsonNode start = JSON.readTree(lines.get(0));
            long pid = start.path("pid").asLong(-1);
            return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException e) {
            unknown.add(runId);
            return true;
        }
    }

    /** Run ids that had no readable event log under the state directory. */
    Set<String> unknown() {
        return unknown;
    }
}
