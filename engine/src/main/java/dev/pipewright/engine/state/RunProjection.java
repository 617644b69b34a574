package dev.pipewright.engine.state;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds a run's events, in order, into its {@link RunState}. Not thread-safe: one thread applies
 * events (the run's event channel, or a log reader); {@link LiveRunState} guards it for readers.
 *
 * <p>Events of a sub-pipeline (a non-null {@code header.parent}) become stages named
 * {@code caller/stage}, and their output also reaches the calling stage's log; they never change
 * the run's own state, progress or end.
 */
public final class RunProjection {

    /** Lines kept per stage; the full output stays in the event log. */
    public static final int LOG_LINES_KEPT = 500;

    private String id;
    private String pipeline;
    private RunStatus state = RunStatus.RUNNING;
    private double progress;
    private Instant started;
    private Instant finished;
    private Instant lastEvent;
    private Duration duration;
    private Map<String, Object> params = Map.of();
    private String error;
    private String failedStage;
    private int totalStages;
    private int endedStages;
    private long pid = -1;
    private String host;
    private final Map<String, MutableStage> stages = new LinkedHashMap<>();
    private long eventCount;

    /** Applies one event; events after the run's final event are ignored. */
    public void apply(RunEvent event) {
        eventCount++;
        lastEvent = event.time();
        if (id == null) {
            id = event.run();
            pipeline = event.pipeline();
        }
        if (event.header().nested()) {
            applyNested(event);
            return;
        }
        if (state.ended()) {
            return;
        }
        if (event instanceof RunEvent.StageEvent e) {
            if (applyToStage(stage(e.stage()), e)) {
                stageEnded();
            }
            if (e instanceof StageStarted started) {
                raiseProgress(started.progress());
            } else if (e instanceof StageCompleted completed) {
                raiseProgress(completed.progress());
            }
        } else if (event instanceof PipelineStarted e) {
            started = e.time();
            totalStages = e.totalStages();
            params = e.params() == null ? Map.of() : e.params();
            pid = e.pid();
            host = e.host();
            // Announced stages are listed (pending) before they start, with their types.
            for (RunEvent.PlannedStage planned : e.stages()) {
                stage(planned.name()).type = planned.type();
            }
        } else if (event instanceof PipelineCompleted e) {
            end(RunStatus.SUCCEEDED, e.time(), e.duration(), null);
            progress = 1.0;
        } else if (event instanceof PipelineFailed e) {
            end(RunStatus.FAILED, e.time(), e.duration(), e.error());
            failedStage = e.failedStage();
        } else if (event instanceof PipelineCancelled e) {
            end(RunStatus.CANCELLED, e.time(), e.duration(), e.reason());
        }
    }

    private void applyNested(RunEvent event) {
        if (event instanceof PipelineStarted e) {
            for (RunEvent.PlannedStage planned : e.stages()) {
                stage(e.header().parent() + "/" + planned.name()).type = planned.type();
            }
        } else if (event instanceof RunEvent.StageEvent e) {
            String parent = event.header().parent();
            applyToStage(stage(parent + "/" + e.stage()), e);
            if (e instanceof StageLogged logged) {
                // The caller's own log shows its sub-pipeline's output, as if the stage had printed it.
                LogLine line = new LogLine(logged.time(), logged.stream(), logged.line());
                for (String ancestor = parent; ancestor != null; ancestor = parentOf(ancestor)) {
                    stage(ancestor).log(line);
                }
            }
        }
    }

    /** Returns whether this event ended the stage (it was not ended before). */
    private static boolean applyToStage(MutableStage stage, RunEvent.StageEvent event) {
        boolean wasEnded = stage.status.ended();
        if (event instanceof StageStarted e) {
            stage.status = StageStatus.RUNNING;
            stage.attempts = Math.max(stage.attempts + 1, e.attempt());
            if (stage.started == null) {
                stage.started = e.time();
            }
            stage.lastStart = e.time();
            stage.error = null;
        } else if (event instanceof StageProgressed e) {
            stage.fraction = e.fraction();
        } else if (event instanceof StageLogged e) {
            stage.log(new LogLine(e.time(), e.stream(), e.line()));
        } else if (event instanceof StageRetrying e) {
            stage.error = e.error();
        } else if (event instanceof StageSkipped e) {
            stage.end(StageStatus.SKIPPED, e.time(), Duration.ZERO, e.reason());
        } else if (event instanceof StageCompleted e) {
            stage.end(StageStatus.SUCCEEDED, e.time(), e.duration(), null);
            stage.outputs = e.outputs() == null ? Map.of() : e.outputs();
        } else if (event instanceof StageWarned e) {
            // An optional stage's failure: it may follow the stage's own stage:error, or stand alone.
            Duration took = stage.duration != null ? stage.duration : stage.durationUntil(e.time());
            stage.end(StageStatus.FAILED, e.time(), took, e.error());
        } else if (event instanceof StageFailed e) {
            stage.end(e.cancelled() ? StageStatus.CANCELLED : StageStatus.FAILED, e.time(), e.duration(), e.error());
        }
        return !wasEnded && stage.status.ended();
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? null : path.substring(0, slash);
    }

    private MutableStage stage(String name) {
        return stages.computeIfAbsent(name, this::newStage);
    }

    /** A {@code for-each} element ({@code clone[2]}) has the type of its stage ({@code clone}). */
    private MutableStage newStage(String name) {
        MutableStage stage = new MutableStage(name);
        int bracket = name.endsWith("]") ? name.lastIndexOf('[') : -1;
        MutableStage whole = bracket > 0 ? stages.get(name.substring(0, bracket)) : null;
        if (whole != null) {
            stage.type = whole.type;
        }
        return stage;
    }

    private void stageEnded() {
        endedStages++;
        if (totalStages > 0) {
            raiseProgress((double) endedStages / totalStages);
        }
    }

    /** Progress only grows: events and our own count of ended stages may disagree by a stage. */
    private void raiseProgress(double value) {
        progress = Math.min(1.0, Math.max(progress, value));
    }

    private void end(RunStatus status, Instant time, Duration took, String why) {
        state = status;
        finished = time;
        duration = took;
        error = why;
    }

    public boolean ended() {
        return state.ended();
    }

    /** How many events were applied (nested ones included). */
    public long eventCount() {
        return eventCount;
    }

    /** The time of the last event applied, or null before the first. */
    public Instant lastEvent() {
        return lastEvent;
    }

    /** An immutable snapshot of the run as the events so far tell it. */
    public RunState snapshot() {
        List<StageState> stageStates = new ArrayList<>(stages.size());
        String current = null;
        Instant currentStart = null;
        for (MutableStage stage : stages.values()) {
            stageStates.add(stage.snapshot());
            boolean topLevel = stage.name.indexOf('/') < 0;
            if (topLevel && stage.status == StageStatus.RUNNING && !state.ended()
                    && (currentStart == null || !stage.lastStart().isBefore(currentStart))) {
                current = stage.name;
                currentStart = stage.lastStart();
            }
        }
        return new RunState(id, pipeline, state, progress, current, started, finished, duration, params, error,
                failedStage, totalStages, pid, host, stageStates);
    }

    private static final class MutableStage {
        final String name;
        String type;
        StageStatus status = StageStatus.PENDING;
        int attempts;
        Instant started;
        Instant lastStart;
        Instant finished;
        Duration duration;
        String error;
        Double fraction;
        Map<String, Object> outputs = Map.of();
        final LogRing logs = new LogRing(LOG_LINES_KEPT);

        MutableStage(String name) {
            this.name = name;
        }

        Instant lastStart() {
            return lastStart != null ? lastStart : started;
        }

        void log(LogLine line) {
            logs.add(line);
        }

        Duration durationUntil(Instant time) {
            return started == null ? Duration.ZERO : Duration.between(started, time);
        }

        void end(StageStatus newStatus, Instant time, Duration took, String why) {
            status = newStatus;
            finished = time;
            duration = took;
            error = why;
        }

        StageState snapshot() {
            return new StageState(name, type, status, attempts, fraction, started, finished, duration, error, outputs,
                    logs.toList());
        }
    }
}
