package dev.pipewright.engine.state;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run as its events tell it: the same projection serves a live run and one read back from its
 * log months later.
 *
 * @param progress the share of the run's stages that have ended, 0..1
 * @param currentStage the most recently started stage that is still running, or null
 * @param duration the engine's figure for an ended run; null while it runs
 * @param params the run's parameters (secrets already masked)
 * @param error why the run failed or was cancelled or interrupted, else null
 * @param failedStage the stage whose failure failed the run, else null
 * @param pid the process that ran it; with {@code host}, tells a live run from an interrupted one
 */
public record RunState(
        String id,
        String pipeline,
        RunStatus state,
        double progress,
        String currentStage,
        Instant started,
        Instant finished,
        Duration duration,
        Map<String, Object> params,
        String error,
        String failedStage,
        int totalStages,
        long pid,
        String host,
        List<StageState> stages) {

    public RunState {
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        stages = List.copyOf(stages);
    }

    public Optional<StageState> stage(String name) {
        return stages.stream().filter(stage -> stage.name().equals(name)).findFirst();
    }

    /** The duration so far for a running run, the recorded one for an ended run. */
    public Duration durationAt(Instant now) {
        if (duration != null) {
            return duration;
        }
        if (started == null) {
            return null;
        }
        return Duration.between(started, finished != null ? finished : now);
    }

    /**
     * This run, found dead: its process is gone and its log has no final event. It ends at its
     * last event; stages it left running are failed.
     */
    public RunState interrupted(String why, Instant lastEvent) {
        List<StageState> ended = stages.stream()
                .map(stage -> stage.status().ended() ? stage : new StageState(stage.name(), stage.type(),
                        StageStatus.FAILED, stage.attempts(), stage.progress(), stage.started(), lastEvent,
                        stage.started() == null ? null : Duration.between(stage.started(), lastEvent),
                        "interrupted", stage.outputs(), stage.logs()))
                .toList();
        Duration took = started == null || lastEvent == null ? null : Duration.between(started, lastEvent);
        return new RunState(id, pipeline, RunStatus.INTERRUPTED, progress, null, started, lastEvent, took, params, why,
                failedStage, totalStages, pid, host, ended);
    }
}
