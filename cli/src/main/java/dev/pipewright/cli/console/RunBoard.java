package dev.pipewright.cli.console;

import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.events.RunEvent.PipelineCompleted;
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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of a run as the console shows it: a projection of the events seen so far. Stages of a
 * sub-pipeline ({@code core.pipeline}) appear under the calling stage's name: {@code deploy/push}.
 * Not thread-safe: the tty console guards it with its own lock.
 */
final class RunBoard {

    static final int TAIL_LINES = 20;

    private final Map<String, StageView> stages = new LinkedHashMap<>();
    String pipeline = "pipeline";
    String runId = "";
    int totalStages;
    double progress;
    Instant startedAt;
    RunEvent.Final outcome;

    /** Applies one event and returns the stage it concerned, or null. */
    StageView apply(RunEvent event) {
        // Java 17 has no pattern switch; an instanceof chain over the sealed hierarchy instead.
        if (event instanceof PipelineStarted e) {
            if (!e.header().nested()) {
                pipeline = e.pipeline();
                runId = e.run();
                totalStages = e.totalStages();
                startedAt = e.time();
            }
            return null;
        }
        if (event instanceof RunEvent.Final e) {
            if (!e.header().nested()) {
                outcome = e;
                if (e instanceof PipelineCompleted) {
                    progress = 1.0;
                }
            }
            return null;
        }
        StageView stage = stage((RunEvent.StageEvent) event);
        if (event instanceof StageStarted e) {
            stage.state = StageView.State.RUNNING;
            stage.attempt = e.attempt();
            stage.startedAt = stage.startedAt == null ? e.time() : stage.startedAt;
            stage.duration = null;
            stage.fraction = null;
            stage.progressMessage = null;
            updateProgress(e, e.progress());
        } else if (event instanceof StageProgressed e) {
            stage.fraction = e.fraction();
            stage.progressMessage = e.message();
        } else if (event instanceof StageLogged e) {
            stage.addLine(e.stream(), e.line());
        } else if (event instanceof StageRetrying e) {
            stage.state = StageView.State.WAITING_TO_RETRY;
            stage.error = e.error();
        } else if (event instanceof StageSkipped e) {
            stage.state = StageView.State.SKIPPED;
            stage.skipReason = e.reason();
            stage.duration = Duration.ZERO;
        } else if (event instanceof StageCompleted e) {
            stage.state = StageView.State.SUCCEEDED;
            stage.duration = e.duration();
            updateProgress(e, e.progress());
        } else if (event instanceof RunEvent.StageCached e) {
            stage.state = StageView.State.CACHED;
            stage.duration = Duration.ZERO;
            stage.cachedFrom = e.fromRun();
            stage.saved = e.saved();
            updateProgress(e, e.progress());
        } else if (event instanceof StageWarned e) {
            stage.state = StageView.State.WARNED;
            stage.error = e.error();
            stage.duration = stage.elapsed(e.time());
        } else if (event instanceof StageFailed e) {
            stage.state = e.timedOut() ? StageView.State.TIMED_OUT
                    : e.cancelled() ? StageView.State.CANCELLED : StageView.State.FAILED;
            stage.error = e.error();
            stage.duration = e.duration();
        }
        return stage;
    }

    private void updateProgress(RunEvent event, double value) {
        if (!event.header().nested()) {
            progress = value;
        }
    }

    /** The name a stage event is shown under: nested ones carry their calling stage's name. */
    static String displayName(RunEvent.StageEvent event) {
        String parent = event.header().parent();
        return parent == null ? event.stage() : parent + "/" + event.stage();
    }

    private StageView stage(RunEvent.StageEvent event) {
        return stages.computeIfAbsent(displayName(event), name -> new StageView(name, TAIL_LINES));
    }

    StageView find(String name) {
        return stages.get(name);
    }

    Collection<StageView> stages() {
        return stages.values();
    }

    List<StageView> inState(StageView.State... states) {
        List<StageView> result = new ArrayList<>();
        for (StageView stage : stages.values()) {
            for (StageView.State state : states) {
                if (stage.state == state) {
                    result.add(stage);
                }
            }
        }
        return result;
    }

    List<StageView> active() {
        return inState(StageView.State.RUNNING, StageView.State.WAITING_TO_RETRY);
    }
}
