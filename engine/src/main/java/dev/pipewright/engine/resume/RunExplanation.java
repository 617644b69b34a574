package dev.pipewright.engine.resume;

import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.report.HumanDuration;
import dev.pipewright.engine.store.RunDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code pipewright explain RUN [STAGE]} says: for each stage call of a run, in the order
 * they started, whether it ran, was reused (from which run, with which fingerprint, saving how
 * long) or ran again (and why), and how it ended.
 */
public final class RunExplanation {

    private RunExplanation() {
    }

    /**
     * One stage call.
     *
     * @param stage {@code build} or {@code clone[2]}
     * @param outcome how it ended: {@code succeeded}, {@code reused}, {@code failed}, {@code skipped}, ...
     * @param explanation the sentence ({@code "ran again because argument `tag` changed: ..."})
     */
    public record Line(String stage, String outcome, String explanation) {
    }

    /**
     * @param stage only this stage (and its {@code for-each} elements); null for all
     * @throws IllegalArgumentException when there is no such run, or no such stage in it
     */
    public static List<Line> of(Path stateDirectory, String runId, String stage) {
        Path state = stateDirectory.toAbsolutePath().normalize();
        if (!RunHistory.exists(state, runId)) {
            throw new IllegalArgumentException("there is no run " + runId + " under " + RunDirectory.runsRoot(state)
                    + " (`pipewright runs` lists them)");
        }
        Map<StageKey, CallRecord> calls = new LinkedHashMap<>();
        FingerprintLog.read(RunDirectory.of(state, runId).root()).calls().forEach(c -> calls.put(c.key(), c));
        Map<StageKey, Line> lines = new LinkedHashMap<>();
        for (RunEvent event : RunHistory.events(state, runId)) {
            if (event.header().nested() || !(event instanceof RunEvent.StageEvent stageEvent)) {
                continue;
            }
            StageKey key = StageKey.parse(stageEvent.stage());
            CallRecord call = calls.get(key);
            Line line = line(key, event, call);
            if (line != null) {
                lines.put(key, line);
            } else if (!lines.containsKey(key) && event instanceof RunEvent.StageStarted) {
                lines.put(key, new Line(key.toString(), "running", call == null ? "ran" : call.explanation()));
            }
        }
        List<Line> selected = new ArrayList<>();
        for (Map.Entry<StageKey, Line> entry : lines.entrySet()) {
            StageKey key = entry.getKey();
            // A for-each stage is explained by its elements.
            boolean hasElements = lines.keySet().stream().anyMatch(k -> k.isElement() && k.stage().equals(key.stage()));
            if ((stage == null || key.stage().equals(stage)) && !(hasElements && !key.isElement())) {
                selected.add(entry.getValue());
            }
        }
        if (stage != null && selected.isEmpty()) {
            throw new IllegalArgumentException("run " + runId + " has no stage `" + stage + "`; it has "
                    + String.join(", ", lines.keySet().stream().map(StageKey::stage).distinct().toList()));
        }
        return selected;
    }

    /** The line an event that ends a stage call gives; null for other events. */
    private static Line line(StageKey key, RunEvent event, CallRecord call) {
        String decided = call == null ? "ran" : call.explanation();
        String name = key.toString();
        if (event instanceof RunEvent.StageCached e) {
            return new Line(name, "reused", decided + ", saving " + HumanDuration.format(e.saved()));
        } else if (event instanceof RunEvent.StageCompleted) {
            return new Line(name, "succeeded", decided);
        } else if (event instanceof RunEvent.StageSkipped e) {
            return new Line(name, "skipped", "skipped: " + Optional.ofNullable(e.reason()).orElse("`when` was false"));
        } else if (event instanceof RunEvent.StageWarned e) {
            return new Line(name, "failed (optional)", decided + ", and failed: " + e.error());
        } else if (event instanceof RunEvent.StageFailed e) {
            return e.cancelled() && !e.timedOut()
                    ? new Line(name, "cancelled", decided + ", and was cancelled")
                    : new Line(name, "failed", decided + ", and failed: " + e.error());
        }
        return null;
    }
}
