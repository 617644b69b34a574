package dev.pipewright.engine.run;

import dev.pipewright.engine.resume.Fingerprint;
import java.time.Duration;
import java.util.Map;

/**
 * How one stage (or one attempt series, or one for-each element) ended.
 *
 * @param outputs the outputs, unmasked (stages after it read them); empty unless succeeded
 * @param error the failure, masked, or null
 * @param timedOut whether the last attempt hit its timeout
 * @param fingerprint the call's fingerprint when it succeeded; null otherwise
 * @param cached where the outputs were reused from, when the stage did not run; null otherwise
 */
record StageResult(
        StageStatus status, Map<String, Object> outputs, String error, boolean timedOut, Fingerprint fingerprint,
        Cached cached) {

    /** Outputs reused from {@code fromStage} of run {@code fromRun}, which took {@code saved}. */
    record Cached(String fromRun, String fromStage, Duration saved) {
    }

    static StageResult succeeded(Map<String, Object> outputs) {
        return new StageResult(StageStatus.SUCCEEDED, outputs, null, false, null, null);
    }

    static StageResult reused(Map<String, Object> outputs, Fingerprint fingerprint, Cached cached) {
        return new StageResult(StageStatus.SUCCEEDED, outputs, null, false, fingerprint, cached);
    }

    static StageResult failed(String error, boolean timedOut) {
        return new StageResult(StageStatus.FAILED, Map.of(), error, timedOut, null, null);
    }

    static StageResult cancelled(String error) {
        return new StageResult(StageStatus.CANCELLED, Map.of(), error, false, null, null);
    }

    static StageResult skipped() {
        return new StageResult(StageStatus.SKIPPED, Map.of(), null, false, null, null);
    }

    StageResult withFingerprint(Fingerprint fingerprint) {
        return new StageResult(status, outputs, error, timedOut, fingerprint, cached);
    }
}
