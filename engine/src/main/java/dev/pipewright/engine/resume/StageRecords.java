package dev.pipewright.engine.resume;

import dev.pipewright.engine.events.RunEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a finished (or interrupted) run's events and fingerprint log into the {@link StageRecord}s
 * a new run compares itself with. Events of nested pipelines ({@code core.pipeline}) belong to
 * their calling stage and are left out.
 */
public final class StageRecords {

    private StageRecords() {
    }

    public static PreviousRun project(String runId, Iterable<RunEvent> events, FingerprintLog.Contents log) {
        Map<StageKey, CallRecord> calls = new HashMap<>();
        for (CallRecord call : log.calls()) {
            calls.put(call.key(), call); // the last decision for a call is the one that ran
        }
        Map<StageKey, Ending> endings = new LinkedHashMap<>();
        boolean cancelled = false;
        for (RunEvent event : events) {
            if (event.header().nested()) {
                continue;
            }
            if (event instanceof RunEvent.PipelineCancelled) {
                cancelled = true;
            } else if (event instanceof RunEvent.StageStarted e) {
                endings.putIfAbsent(StageKey.parse(e.stage()),
                        new Ending(StageStatus.RUNNING, Map.of(), Duration.ZERO, null));
            } else if (event instanceof RunEvent.StageEvent e) {
                Ending ending = ending(e);
                if (ending != null) {
                    endings.put(StageKey.parse(e.stage()), ending);
                }
            }
        }
        List<StageRecord> records = new ArrayList<>();
        for (Map.Entry<StageKey, Ending> entry : endings.entrySet()) {
            StageKey key = entry.getKey();
            Ending ending = entry.getValue();
            StageStatus status = ending.status == StageStatus.RUNNING && cancelled ? StageStatus.CANCELLED : ending.status;
            CallRecord call = calls.get(key);
            // A crash may cut the fingerprint log short; the events carry the fingerprint too.
            Fingerprint fingerprint = call != null ? call.fingerprint()
                    : ending.fingerprint == null ? null : new Fingerprint(ending.fingerprint);
            records.add(new StageRecord(runId, key, status, fingerprint, call == null ? null : call.inputs(),
                    ending.outputs, !log.secretOutputs().contains(key), ending.duration));
        }
        return new PreviousRun(runId, records);
    }

    /** How the stage call ended, for the events that end one; null for the others. */
    private static Ending ending(RunEvent.StageEvent event) {
        if (event instanceof RunEvent.StageCompleted e) {
            return new Ending(StageStatus.SUCCEEDED, e.outputs(), e.duration(), e.fingerprint());
        } else if (event instanceof RunEvent.StageCached e) {
            return new Ending(StageStatus.SUCCEEDED, e.outputs(), e.saved(), e.fingerprint());
        } else if (event instanceof RunEvent.StageSkipped) {
            return new Ending(StageStatus.SKIPPED, Map.of(), Duration.ZERO, null);
        } else if (event instanceof RunEvent.StageFailed e) {
            StageStatus status = e.cancelled() && !e.timedOut() ? StageStatus.CANCELLED : StageStatus.FAILED;
            return new Ending(status, Map.of(), e.duration(), null);
        } else if (event instanceof RunEvent.StageWarned) {
            return new Ending(StageStatus.FAILED, Map.of(), Duration.ZERO, null);
        }
        return null;
    }

    private record Ending(StageStatus status, Map<String, Object> outputs, Duration duration, String fingerprint) {
    }
}
