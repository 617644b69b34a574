package dev.pipewright.cli.console;

import dev.pipewright.engine.events.EventHeader;
import dev.pipewright.engine.events.Metrics;
import dev.pipewright.engine.events.RunEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds the events of one made-up run, in the order an engine would send them, for console tests. */
final class Events {

    private final Instant start = Instant.now();
    private final String parent;
    private long clock;

    Events() {
        this(null);
    }

    private Events(String parent) {
        this.parent = parent;
    }

    /** Events of a sub-pipeline called by {@code stage}. */
    Events nestedUnder(String stage) {
        return new Events(stage);
    }

    EventHeader header() {
        return new EventHeader(start.plusMillis(clock += 100), "20261128-120000-abcd", "hello", parent);
    }

    RunEvent.PipelineStarted started(int stages) {
        return new RunEvent.PipelineStarted(header(), stages, Map.of(), 42, "localhost");
    }

    RunEvent.StageStarted stageStarted(String stage, int attempt, double progress) {
        return new RunEvent.StageStarted(header(), stage, 0, attempt, progress);
    }

    RunEvent.StageLogged log(String stage, String line) {
        return new RunEvent.StageLogged(header(), stage, "stdout", line);
    }

    RunEvent.StageProgressed progress(String stage, Double fraction, String message) {
        return new RunEvent.StageProgressed(header(), stage, fraction, message);
    }

    RunEvent.StageRetrying retry(String stage, int attempt, String error) {
        return new RunEvent.StageRetrying(header(), stage, attempt, Duration.ofSeconds(1), error);
    }

    RunEvent.StageCompleted completed(String stage, long millis, double progress) {
        return new RunEvent.StageCompleted(header(), stage, 0, Duration.ofMillis(millis), progress, Map.of());
    }

    RunEvent.StageCached cached(String stage, String fromRun, long savedMillis, double progress) {
        return new RunEvent.StageCached(header(), stage, 0, fromRun, stage, "3fa2c1d9e0b1" + "0".repeat(52),
                Duration.ofMillis(savedMillis), progress, Map.of());
    }

    RunEvent.StageSkipped skipped(String stage, String reason) {
        return new RunEvent.StageSkipped(header(), stage, reason);
    }

    RunEvent.StageWarned warned(String stage, String error) {
        return new RunEvent.StageWarned(header(), stage, error, "optional stage failed");
    }

    RunEvent.StageFailed failed(String stage, String error) {
        return new RunEvent.StageFailed(header(), stage, error, Duration.ofMillis(1500), false, false);
    }

    RunEvent.PipelineCompleted pipelineCompleted(int completed, int total) {
        return new RunEvent.PipelineCompleted(header(), Duration.ofMillis(3200), new Metrics(completed, total, List.of()));
    }

    RunEvent.PipelineFailed pipelineFailed(String stage, String error, int completed, int total) {
        return new RunEvent.PipelineFailed(header(), error, stage, Duration.ofMillis(3200),
                new Metrics(completed, total, List.of(new Metrics.StageError(stage, error, false))));
    }

    RunEvent.PipelineCancelled pipelineCancelled(String reason, int completed, int total) {
        return new RunEvent.PipelineCancelled(header(), reason, Duration.ofMillis(3200), new Metrics(completed, total, List.of()));
    }
}
