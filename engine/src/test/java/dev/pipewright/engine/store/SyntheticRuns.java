package dev.pipewright.engine.store;

import dev.pipewright.engine.events.EventCodec;
import dev.pipewright.engine.events.EventHeader;
import dev.pipewright.engine.events.Metrics;
import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.events.RunEvent.PipelineCancelled;
import dev.pipewright.engine.events.RunEvent.PipelineCompleted;
import dev.pipewright.engine.events.RunEvent.PipelineFailed;
import dev.pipewright.engine.events.RunEvent.PipelineStarted;
import dev.pipewright.engine.events.RunEvent.StageCompleted;
import dev.pipewright.engine.events.RunEvent.StageFailed;
import dev.pipewright.engine.events.RunEvent.StageLogged;
import dev.pipewright.engine.events.RunEvent.StageProgressed;
import dev.pipewright.engine.events.RunEvent.StageRetrying;
import dev.pipewright.engine.events.RunEvent.StageSkipped;
import dev.pipewright.engine.events.RunEvent.StageStarted;
import dev.pipewright.engine.events.RunEvent.StageWarned;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Realistic event logs of the habitat-build pipeline of LANGUAGE.md, as the engine writes them:
 * for the store's tests and the run-history benchmark.
 */
public final class SyntheticRuns {

    /** How a synthetic run ends. */
    public enum Ending {
        SUCCEEDED,
        FAILED,
        CANCELLED,
        /** No final event: the log stops while {@code clone-repositories} runs. */
        NONE
    }

    private final String run;
    private final String pipeline;
    private Instant clock;
    private final List<RunEvent> events = new ArrayList<>();

    private SyntheticRuns(String run, String pipeline, Instant start) {
        this.run = run;
        this.pipeline = pipeline;
        this.clock = start;
    }

    /** A run of habitat-build with a retry, a parallel block, an optional failure and finally. */
    public static List<RunEvent> habitatBuild(String runId, Instant start, Ending ending, long pid, String host) {
        return habitatBuild(runId, "habitat-build", start, ending, pid, host, 3);
    }

    public static List<RunEvent> habitatBuild(
            String runId, String pipeline, Instant start, Ending ending, long pid, String host, int linesPerStage) {
        SyntheticRuns r = new SyntheticRuns(runId, pipeline, start);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("base-image", "local/busybox:test");
        params.put("tag", "habitat:" + runId.substring(runId.length() - 4));
        params.put("token", "***");
        r.add(new PipelineStarted(r.header(0), 7, params, pid, host, List.of(
                new RunEvent.PlannedStage("check-base-image", "docker.image-exists"),
                new RunEvent.PlannedStage("pull-base-image", "docker.pull"),
                new RunEvent.PlannedStage("clone-repositories", "git.clone"),
                new RunEvent.PlannedStage("lint", "core.exec"),
                new RunEvent.PlannedStage("audit", "core.exec"),
                new RunEvent.PlannedStage("verify-image", "docker.run"),
                new RunEvent.PlannedStage("cleanup", "docker.remove"))));
        r.add(new StageStarted(r.header(5), "check-base-image", 0, 1, 0.0));
        r.logs("check-base-image", linesPerStage);
        r.add(new StageCompleted(r.header(40), "check-base-image", 0, Duration.ofMillis(45), 1 / 7.0,
                Map.of("exists", false)));
        r.add(new StageStarted(r.header(2), "pull-base-image", 1, 1, 1 / 7.0));
        r.add(new StageProgressed(r.header(300), "pull-base-image", 0.4, "downloading"));
        r.add(new StageRetrying(r.header(100), "pull-base-image", 1, Duration.ofSeconds(5), "connection reset"));
        r.add(new StageStarted(r.header(5000), "pull-base-image", 1, 2, 1 / 7.0));
        r.logs("pull-base-image", linesPerStage);
        r.add(new StageProgressed(r.header(800), "pull-base-image", 1.0, "done"));
        r.add(new StageCompleted(r.header(10), "pull-base-image", 1, Duration.ofMillis(6210), 2 / 7.0,
                Map.of("digest", "sha256:0123abcd")));
        r.add(new StageStarted(r.header(3), "clone-repositories", 2, 1, 2 / 7.0));
        r.logs("clone-repositories", linesPerStage);
        if (ending == Ending.NONE) {
            return r.events;
        }
        r.add(new StageCompleted(r.header(900), "clone-repositories", 2, Duration.ofMillis(1200), 3 / 7.0,
                Map.of("paths", List.of("src/app", "src/lib"))));
        r.add(new StageStarted(r.header(1), "lint", 3, 1, 3 / 7.0));
        r.add(new StageStarted(r.header(1), "audit", 4, 1, 3 / 7.0));
        r.add(new StageLogged(r.header(20), "lint", "stdout", "lint ok"));
        r.add(new StageLogged(r.header(5), "audit", "stdout", "audit ok"));
        r.add(new StageCompleted(r.header(10), "lint", 3, Duration.ofMillis(35), 4 / 7.0, Map.of("exitCode", 0)));
        r.add(new StageCompleted(r.header(10), "audit", 4, Duration.ofMillis(40), 5 / 7.0, Map.of("exitCode", 0)));
        r.add(new StageStarted(r.header(2), "verify-image", 5, 1, 5 / 7.0));
        r.add(new StageLogged(r.header(200), "verify-image", "stderr", "test: /src: not found"));
        if (ending == Ending.CANCELLED) {
            r.add(new StageFailed(r.header(50), "verify-image", "cancelled", Duration.ofMillis(250), false, true));
            r.cleanup();
            r.add(new PipelineCancelled(r.header(5), "interrupted by the user (SIGINT)", r.elapsed(),
                    new Metrics(5, 7, List.of())));
            return r.events;
        }
        r.add(new StageFailed(r.header(10), "verify-image", "exit code 1", Duration.ofMillis(212), false, false));
        if (ending == Ending.FAILED) {
            r.cleanup();
            r.add(new PipelineFailed(r.header(5), "stage verify-image failed: exit code 1", "verify-image", r.elapsed(),
                    new Metrics(5, 7, List.of(new Metrics.StageError("verify-image", "exit code 1", false)))));
            return r.events;
        }
        r.add(new StageWarned(r.header(0), "verify-image", "exit code 1", "optional stage verify-image failed"));
        r.cleanup();
        r.add(new PipelineCompleted(r.header(5), r.elapsed(),
                new Metrics(6, 7, List.of(new Metrics.StageError("verify-image", "exit code 1", true)))));
        return r.events;
    }

    private void cleanup() {
        add(new StageStarted(header(1), "cleanup", 6, 1, 6 / 7.0));
        add(new StageLogged(header(3), "cleanup", "stdout", "build finished"));
        add(new StageCompleted(header(2), "cleanup", 6, Duration.ofMillis(5), 1.0, Map.of()));
    }

    private void logs(String stage, int count) {
        for (int i = 1; i <= count; i++) {
            add(new StageLogged(header(15), stage, i % 5 == 0 ? "stderr" : "stdout", stage + " line " + i));
        }
    }

    private EventHeader header(long afterMillis) {
        clock = clock.plusMillis(afterMillis);
        return new EventHeader(clock, run, pipeline, null);
    }

    private Duration elapsed() {
        return Duration.between(events.get(0).time(), clock);
    }

    private void add(RunEvent event) {
        events.add(event);
    }

    /** Writes the events as {@code events.jsonl} lines, the way the engine's log writer does. */
    public static void write(Path eventsFile, List<RunEvent> events) {
        try {
            Files.createDirectories(eventsFile.getParent());
            try (Writer out = Files.newBufferedWriter(eventsFile, StandardCharsets.UTF_8)) {
                for (RunEvent event : events) {
                    out.write(EventCodec.encode(event));
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one run into the store under {@code stateDirectory}; returns its events file. */
    public static Path store(Path stateDirectory, String runId, List<RunEvent> events) {
        Path file = RunDirectory.of(stateDirectory, runId).eventsFile();
        write(file, events);
        return file;
    }
}
